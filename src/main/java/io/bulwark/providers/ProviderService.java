package io.bulwark.providers;

import io.bulwark.crypto.Tokens;
import io.bulwark.db.Transactions;
import io.bulwark.errors.NotFoundException;
import io.bulwark.errors.UnauthorizedException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Creating, listing, revoking providers, and recognising their host tokens. */
public final class ProviderService {
    static final String TOKEN_PREFIX = "bwk_";

    private final Transactions transactions;
    private final ProviderRepository providers;
    private final Tokens tokens;
    private final Clock clock;

    public ProviderService(Transactions transactions, ProviderRepository providers, Tokens tokens,
            Clock clock) {
        this.transactions = transactions;
        this.providers = providers;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new provider and its token; the token is returned once and stored only hashed. */
    public record Created(Provider provider, String token) {
    }

    /**
     * Replaces every token of provider {@code id} by a new one, lifting a revocation: the way
     * back after a leaked token was revoked. The old tokens stop working at once.
     */
    public Created rotateToken(long id) {
        String token = newToken();
        Instant now = now();
        return transactions.inTransaction(handle -> {
            require(handle, id);
            providers.resetTokens(handle, id);
            providers.insertToken(handle, id, Tokens.sha256Hex(token), prefix(token), now);
            return new Created(providers.find(handle, id).orElseThrow(), token);
        });
    }

    public Created create(String name, Plan defaults) {
        String cleanName = name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 255) {
            throw new IllegalArgumentException("The provider name must be 1 to 255 characters, "
                    + "got " + cleanName.length());
        }
        String token = newToken();
        Instant now = now();
        return transactions.inTransaction(handle -> {
            long id = providers.insert(handle, cleanName, defaults, now);
            providers.insertToken(handle, id, Tokens.sha256Hex(token), prefix(token), now);
            return new Created(providers.find(handle, id).orElseThrow(), token);
        });
    }

    public List<Provider> list() {
        return transactions.read(providers::list);
    }

    /** Revokes every token of provider {@code id}; revoking twice is harmless. */
    public void revoke(long id) {
        transactions.useTransaction(handle -> {
            require(handle, id);
            providers.revoke(handle, id, now());
        });
    }

    public Provider updateDefaults(long id, Plan defaults) {
        return transactions.inTransaction(handle -> {
            require(handle, id);
            providers.updateDefaults(handle, id, defaults);
            return providers.find(handle, id).orElseThrow();
        });
    }

    public Provider find(long id) {
        return transactions.read(handle -> require(handle, id));
    }

    /** The live provider owning {@code token}, or 401. */
    public Provider authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new UnauthorizedException("Missing or invalid HostToken header.");
        }
        String hash = Tokens.sha256Hex(token.strip());
        return transactions.read(handle -> providers.findByTokenHash(handle, hash))
                .filter(provider -> !provider.isRevoked())
                .orElseThrow(() -> new UnauthorizedException(
                        "Missing or invalid HostToken header."));
    }

    private Provider require(org.jdbi.v3.core.Handle handle, long id) {
        return providers.find(handle, id)
                .orElseThrow(() -> new NotFoundException("No provider with id " + id + "."));
    }

    private String newToken() {
        return TOKEN_PREFIX + tokens.urlSafe(32);
    }

    private static String prefix(String token) {
        return token.substring(0, TOKEN_PREFIX.length() + 4);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
