package io.bulwark.users;

import io.bulwark.web.WireTimes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire shapes of users, key order as in the vendor's documentation. */
final class UserJson {
    private UserJson() {
    }

    /** The user object of {@code user/search} (flat) and {@code user/view} (under "user"). */
    static Map<String, Object> user(UserService.Summary summary) {
        User user = summary.user();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("name", user.name());
        json.put("email", user.email());
        json.put("created_at", WireTimes.iso(user.createdAt()));
        json.put("blocked_attacks", summary.blockedAttacks());
        json.put("expires_at", user.plan().expiresAt().map(WireTimes::plain).orElse(null));
        json.put("class", user.plan().planClass());
        json.put("renew_freq", user.plan().renewFreq());
        return json;
    }

    static Map<String, Object> details(UserService.Details details) {
        Map<String, Object> user = user(details.summary());
        user.put("addon_mr", Boolean.toString(details.summary().user().plan().addonMr()));
        user.put("addon_wl", Boolean.toString(details.summary().user().plan().addonWl()));
        List<Map<String, Object>> sites = details.sites().stream()
                .map(site -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", site.id());
                    json.put("url", site.url());
                    return json;
                })
                .toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", user);
        json.put("sites", sites);
        return json;
    }

    /** The login link answer. */
    static Map<String, Object> loginLink(String url, Instant expiresAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url);
        json.put("expires_at", WireTimes.plain(expiresAt));
        return json;
    }
}
