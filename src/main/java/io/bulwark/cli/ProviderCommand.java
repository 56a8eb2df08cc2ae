package io.bulwark.cli;

import io.bulwark.App;
import io.bulwark.providers.Plan;
import io.bulwark.providers.Provider;
import io.bulwark.providers.ProviderService;
import io.bulwark.web.WireTimes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bulwark provider create|list|revoke|update}: the hosting providers and their tokens. */
@Command(name = "provider", mixinStandardHelpOptions = true,
        description = "Manage hosting providers and their HostTokens.",
        subcommands = {ProviderCommand.Create.class, ProviderCommand.ListProviders.class,
            ProviderCommand.Revoke.class, ProviderCommand.Rotate.class,
            ProviderCommand.Update.class})
final class ProviderCommand {
    @ParentCommand
    BulwarkCommand parent;

    /** The plan defaults options shared by create and update. */
    static final class PlanOptions {
        @Option(names = "--class", description = "Default plan class: free or premium.")
        String planClass;

        @Option(names = "--renew-freq", description = "Default renewal: monthly or annually.")
        String renewFreq;

        @Option(names = "--expires-at",
                description = "Default expiry 'YYYY-MM-DD HH:MM:SS' UTC, or 'none'.")
        String expiresAt;

        @Option(names = "--addon-mr", arity = "1", description = "Default addon_mr: true/false.")
        Boolean addonMr;

        @Option(names = "--addon-wl", arity = "1", description = "Default addon_wl: true/false.")
        Boolean addonWl;

        Plan applyTo(Plan base) {
            Optional<Instant> expiry = base.expiresAt();
            if (expiresAt != null) {
                expiry = "none".equals(expiresAt) || expiresAt.isBlank() ? Optional.empty()
                        : Optional.of(parseExpiry(expiresAt));
            }
            return new Plan(planClass == null ? base.planClass() : planClass,
                    renewFreq == null ? base.renewFreq() : renewFreq, expiry,
                    addonMr == null ? base.addonMr() : addonMr,
                    addonWl == null ? base.addonWl() : addonWl);
        }

        private static Instant parseExpiry(String value) {
            try {
                return WireTimes.parsePlain("expires_at", value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--expires-at must be 'YYYY-MM-DD HH:MM:SS' "
                        + "(UTC) or 'none', got '" + value + "'");
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a provider; prints its token alone on the last line.")
    static final class Create implements Runnable {
        @ParentCommand
        ProviderCommand provider;

        @Option(names = "--name", required = true, description = "The provider's name.")
        String name;

        @picocli.CommandLine.Mixin
        PlanOptionsMixin plan;

        @Override
        public void run() {
            try (App app = provider.parent.app(Map.of())) {
                ProviderService.Created created = app.providers().create(name,
                        plan.options.applyTo(Plan.DEFAULT));
                System.out.println("Created provider " + created.provider().id() + " ("
                        + created.provider().name() + "). Its HostToken, shown only once:");
                System.out.println(created.token());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List providers.")
    static final class ListProviders implements Runnable {
        @ParentCommand
        ProviderCommand provider;

        @Override
        public void run() {
            try (App app = provider.parent.app(Map.of())) {
                System.out.printf("%-6s %-8s %-8s %-9s %-19s %-5s %-5s %s%n", "ID", "STATUS",
                        "CLASS", "RENEW", "EXPIRES", "MR", "WL", "NAME");
                for (Provider each : app.providers().list()) {
                    Plan plan = each.defaults();
                    System.out.printf("%-6d %-8s %-8s %-9s %-19s %-5s %-5s %s%n", each.id(),
                            each.isRevoked() ? "revoked" : "active", plan.planClass(),
                            plan.renewFreq(),
                            plan.expiresAt().map(WireTimes::plain).orElse("none"),
                            plan.addonMr(), plan.addonWl(), each.name());
                }
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a provider's tokens at once.")
    static final class Revoke implements Runnable {
        @ParentCommand
        ProviderCommand provider;

        @Parameters(paramLabel = "ID", description = "The provider id.")
        long id;

        @Override
        public void run() {
            try (App app = provider.parent.app(Map.of())) {
                app.providers().revoke(id);
                System.out.println("Revoked provider " + id + ".");
            }
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Replace a provider's tokens by a new one (also lifts a revocation); "
                    + "prints it alone on the last line.")
    static final class Rotate implements Runnable {
        @ParentCommand
        ProviderCommand provider;

        @Parameters(paramLabel = "ID", description = "The provider id.")
        long id;

        @Override
        public void run() {
            try (App app = provider.parent.app(Map.of())) {
                ProviderService.Created rotated = app.providers().rotateToken(id);
                System.out.println("New HostToken of provider " + rotated.provider().id() + " ("
                        + rotated.provider().name() + "); the old ones no longer work:");
                System.out.println(rotated.token());
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change a provider's plan defaults for users created from now on.")
    static final class Update implements Runnable {
        @ParentCommand
        ProviderCommand provider;

        @Parameters(paramLabel = "ID", description = "The provider id.")
        long id;

        @picocli.CommandLine.Mixin
        PlanOptionsMixin plan;

        @Override
        public void run() {
            try (App app = provider.parent.app(Map.of())) {
                Provider current = app.providers().find(id);
                Provider updated = app.providers().updateDefaults(id,
                        plan.options.applyTo(current.defaults()));
                System.out.println("Updated provider " + updated.id() + ": class "
                        + updated.defaults().planClass() + ", renew "
                        + updated.defaults().renewFreq() + ".");
            }
        }
    }

    /** Picocli mixin carrying {@link PlanOptions}. */
    static final class PlanOptionsMixin {
        @picocli.CommandLine.ArgGroup(exclusive = false)
        PlanOptions options = new PlanOptions();
    }
}
