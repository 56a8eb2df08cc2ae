package io.bulwark.users;

import io.bulwark.errors.InvalidInputException;
import io.bulwark.providers.Plan;
import io.bulwark.web.Fields;
import io.bulwark.web.WireTimes;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Validation of the user fields of {@code user/add} and {@code user/edit}, in the documented
 * field order so that the first failure is the one reported.
 */
final class UserForm {
    static final int NAME_MAX = 255;
    static final int EMAIL_MAX = 254;
    static final int PHONE_MAX = 32;
    static final int PASSWORD_MIN = 6;
    static final int PASSWORD_MAX = 1024;

    private UserForm() {
    }

    /** A validated {@code user/add} body; the password is still plain text. */
    record Add(
            String name,
            Optional<String> company,
            String email,
            String password,
            boolean newsletter,
            Optional<String> phone,
            Plan plan) {
    }

    static Add add(Fields fields, Plan defaults, Predicate<String> isEmailTaken) {
        String name = fields.requiredText("name", NAME_MAX);
        Optional<String> company = fields.optionalText("company", NAME_MAX);
        String email = email(fields.requiredText("email", EMAIL_MAX), isEmailTaken);
        String password = password(fields);
        boolean newsletter = fields.requiredBoolean("newsletter");
        Optional<String> phone = fields.optionalText("phone", PHONE_MAX);
        return new Add(name, company, email, password, newsletter, phone, plan(fields, defaults));
    }

    /** Applies a {@code user/edit} body to {@code user}; returns the new password if any. */
    static Edit edit(Fields fields, User user, Predicate<String> isEmailTaken) {
        String name = fields.hasValue("name")
                ? fields.requiredText("name", NAME_MAX) : user.name();
        Optional<String> company = fields.has("company")
                ? fields.optionalText("company", NAME_MAX) : user.company();
        String email = fields.hasValue("email")
                ? email(fields.requiredText("email", EMAIL_MAX), isEmailTaken) : user.email();
        Optional<String> password = fields.has("password") || fields.has("password_confirmation")
                ? Optional.of(password(fields)) : Optional.empty();
        boolean newsletter = fields.optionalBoolean("newsletter").orElse(user.newsletter());
        Optional<String> phone = fields.has("phone")
                ? fields.optionalText("phone", PHONE_MAX) : user.phone();
        User changed = new User(user.id(), user.providerId(), name, company, email, phone,
                newsletter, plan(fields, user.plan()), user.createdAt());
        return new Edit(changed, password);
    }

    /** The edited user and, when the host reset it, the new plain-text password. */
    record Edit(User user, Optional<String> password) {
    }

    private static String email(String email, Predicate<String> isEmailTaken) {
        if (!EmailAddress.isValid(email)) {
            throw new InvalidInputException("The email must be a valid email address.");
        }
        if (isEmailTaken.test(email)) {
            throw new InvalidInputException("The email has already been taken.");
        }
        return email;
    }

    private static String password(Fields fields) {
        String password = fields.untrimmedText("password", PASSWORD_MIN, PASSWORD_MAX);
        if (!fields.has("password_confirmation")
                || fields.untrimmedText("password_confirmation", 0, PASSWORD_MAX).isEmpty()) {
            throw new InvalidInputException("The password confirmation field is required.");
        }
        if (!password.equals(fields.untrimmedText("password_confirmation", 0, PASSWORD_MAX))) {
            throw new InvalidInputException("The password confirmation does not match.");
        }
        return password;
    }

    /** The plan extension fields; each absent one keeps {@code base}'s value. */
    static Plan plan(Fields fields, Plan base) {
        String planClass = fields.optionalText("class", 16).orElse(base.planClass());
        if (!planClass.equals("free") && !planClass.equals("premium")) {
            throw new InvalidInputException("The selected class is invalid.");
        }
        String renewFreq = fields.optionalText("renew_freq", 16).orElse(base.renewFreq());
        if (!renewFreq.equals("monthly") && !renewFreq.equals("annually")) {
            throw new InvalidInputException("The selected renew freq is invalid.");
        }
        Optional<Instant> expiresAt = base.expiresAt();
        if (fields.has("expires_at")) {
            expiresAt = fields.optionalText("expires_at", 64)
                    .map(value -> WireTimes.parsePlain("expires_at", value));
        }
        boolean addonMr = fields.optionalBoolean("addon_mr").orElse(base.addonMr());
        boolean addonWl = fields.optionalBoolean("addon_wl").orElse(base.addonWl());
        return new Plan(planClass, renewFreq, expiresAt, addonMr, addonWl);
    }
}
