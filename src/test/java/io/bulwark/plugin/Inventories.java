package io.bulwark.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Software lists as the real plugin builds them (§5.4), for tests. */
public final class Inventories {
    private Inventories() {
    }

    /** The list of the recorded traces, with the Patchstack plugin active or not. */
    public static List<Map<String, Object>> standard(int patchstackActive, String akismetNew) {
        return List.of(
                plugin("Akismet Anti-Spam", "5.0.2", akismetNew, "akismet/akismet.php", 1),
                plugin("Patchstack Security", "2.3.2", "", "patchstack/patchstack.php",
                        patchstackActive),
                plugin("Hello Dolly", "1.7.2", "", "hello.php", 0),
                theme("Twenty Twenty-Three", "1.0", "", "twentytwentythree"),
                core("wordpress", "WordPress", "6.1.9", "6.7.1"),
                core("php", "PHP", "8.2.36", ""),
                core("database", "Database", "10.11.19-MariaDB-0+deb12u1", ""));
    }

    public static Map<String, Object> plugin(String name, String version, String newVersion,
            String file, int active) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sw_type", "plugin");
        item.put("sw_name", name);
        item.put("sw_cur_ver", version);
        item.put("sw_new_ver", newVersion);
        item.put("sw_key", file);
        item.put("sw_active", active);
        return item;
    }

    public static Map<String, Object> theme(String name, String version, String newVersion,
            String folder) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sw_type", "theme");
        item.put("sw_name", name);
        item.put("sw_cur_ver", version);
        item.put("sw_new_ver", newVersion);
        item.put("sw_key", folder);
        return item;
    }

    public static Map<String, Object> core(String type, String name, String version,
            String newVersion) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sw_type", type);
        item.put("sw_name", name);
        item.put("sw_cur_ver", version);
        item.put("sw_new_ver", newVersion);
        return item;
    }

    /** One firewall record as the plugin uploads it (§5.8). */
    public static Map<String, Object> blocked(String ip, String fid, String uri, String method,
            String logDate, String postData) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ip", ip);
        record.put("fid", fid);
        record.put("request_uri", uri);
        record.put("user_agent", "Mozilla/5.0 (X11; Linux x86_64) c2-attack");
        record.put("method", method);
        record.put("log_date", logDate);
        record.put("post_data", postData);
        return record;
    }

    /** One activity record as the plugin uploads it (§5.9). */
    public static Map<String, Object> activity(String id, String action, String date) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("author", "admin");
        record.put("ip", "127.0.0.1");
        record.put("object", "plugin");
        record.put("object_id", "0");
        record.put("object_name", "Akismet Anti-Spam");
        record.put("action", action);
        record.put("date", date);
        return record;
    }
}
