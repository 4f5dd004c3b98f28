package com.ipledge.service.bureau;

import com.ipledge.service.admin.AdminService;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creates the people who sign in to the pages and checks their passwords. */
@Singleton
public class UserService {
    /** Lower-case letters, digits and {@code . _ - @}, 3 to 64 characters; names are compared lower-case. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{3,64}");

    /** The body of {@code POST /api/v1/admin/users}. */
    @Introspected
    public record NewUser(@Nullable String username, @Nullable String password, @Nullable Role role,
                          @Nullable UUID bankId) {
    }

    /** A user as answered: never the password or its hash. */
    @Introspected
    public record UserView(UUID id, String username, Role role, UUID bankId, OffsetDateTime createdAt) {
        static UserView of(AppUser u) {
            return new UserView(u.id(), u.username(), u.role(), u.bankId(), u.createdAt());
        }
    }

    private final UserRepository users;
    private final AdminService banks;
    private final AuditLog audit;
    private final Clock clock;

    public UserService(UserRepository users, AdminService banks, AuditLog audit, Clock clock) {
        this.users = users;
        this.banks = banks;
        this.audit = audit;
        this.clock = clock;
    }

    /** User names are case-insensitive: stored and looked up stripped and lower-case. */
    static String normalise(@Nullable String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks the body: 400 naming each bad field.
     *
     * @throws InvalidInput
     */
    public void validate(NewUser body) {
        FieldErrors errors = new FieldErrors();
        String username = normalise(body.username());
        if (username == null || username.isEmpty()) {
            errors.add("username", "is required");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add("username", "must be 3-64 characters of a-z, 0-9, '.', '_', '-' or '@'");
        }
        String password = body.password();
        if (password == null || password.isEmpty()) {
            errors.add("password", "is required");
        } else if (password.codePointCount(0, password.length()) < Passwords.MIN_LENGTH) {
            errors.add("password", "must be at least " + Passwords.MIN_LENGTH + " characters");
        } else if (password.length() > Passwords.MAX_LENGTH) {
            errors.add("password", "must be at most " + Passwords.MAX_LENGTH + " characters");
        } else if (password.isBlank()) {
            errors.add("password", "must not be blank");
        } else {
            WeakPasswords.weakness(password, username).ifPresent(why -> errors.add("password",
                    "is too easy to guess (it " + why + "): use a passphrase of several unrelated words"));
        }
        Role role = body.role();
        if (role == null) {
            errors.add("role", "is required");
        } else if (role == Role.ADMIN) {
            errors.add("role", "must be BUREAU, BANK_OFFICER or BANK_APPROVER (admins use API keys)");
        } else if (role.isBankRole() && body.bankId() == null) {
            errors.add("bankId", "is required for role " + role);
        } else if (!role.isBankRole() && body.bankId() != null) {
            errors.add("bankId", "must be absent for role " + role);
        }
        if (body.bankId() != null && !errors.has("bankId") && banks.find(body.bankId()).isEmpty()) {
            errors.add("bankId", "no such bank");
        }
        errors.throwIfAny();
    }

    /**
     * What the idempotency record hashes for this body: the password only as a slow fingerprint, so that the
     * record is no fast hash of it.
     */
    Map<String, Object> idempotencyView(NewUser body, String idempotencyKey) {
        Map<String, Object> view = new LinkedHashMap<>();
        String username = normalise(body.username());
        view.put("username", username);
        view.put("role", body.role() == null ? null : body.role().name());
        view.put("bankId", body.bankId() == null ? null : body.bankId().toString());
        view.put("password", Passwords.fingerprint(body.password(), idempotencyKey + "\n" + username));
        return view;
    }

    /**
     * Creates the user: 409 {@code username-taken} when the name exists.
     *
     * @throws InvalidInput or Conflict; nothing is written then
     */
    @Transactional
    public UserView create(Caller caller, NewUser body) {
        validate(body);
        String username = normalise(body.username());
        AppUser user = users.insert(username, Passwords.hash(body.password()), body.role(), body.bankId(),
                        OffsetDateTime.now(clock))
                .orElseThrow(() -> Conflict.of("username-taken",
                        "A user named " + username + " exists."));
        // neither the password nor its hash is audited
        audit.append(caller, "user.created", "app_user", user.id(), user.bankId(),
                Map.of("username", username, "role", user.role().name()));
        return UserView.of(user);
    }

    /**
     * The active user with this name and password. An unknown name spends the same hashing time as a wrong
     * password, and both answer empty.
     */
    public Optional<AppUser> authenticate(@Nullable String username, @Nullable String password) {
        String name = normalise(username);
        if (name == null || password == null || password.length() > Passwords.MAX_LENGTH) {
            Passwords.verifyNobody("");
            return Optional.empty();
        }
        Optional<AppUser> user = users.findByUsername(name);
        if (user.isEmpty()) {
            Passwords.verifyNobody(password);
            return Optional.empty();
        }
        boolean ok = Passwords.verify(password, user.get().passwordHash());
        return ok && user.get().active() ? user : Optional.empty();
    }
}
