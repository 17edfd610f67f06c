package org.reserveledger.api.security;

import org.reserveledger.api.ReserveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Knows every valid token by its SHA-256 digest. When no token is configured it uses the tokens
 * file in the data directory, creating one token per role there on first start; the file is
 * readable by its owner only, and only its path is logged.
 */
@Component
public class TokenRegistry {

    public static final String TOKENS_FILE = "tokens.properties";

    private static final Logger log = LoggerFactory.getLogger(TokenRegistry.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, ApiPrincipal> byDigest;

    public TokenRegistry(TokenProperties properties, ReserveProperties reserve) {
        this.byDigest = properties.tokens().isEmpty()
                ? fromTokensFile(reserve.dataDir().resolve(TOKENS_FILE), properties.defaultManufacturerId())
                : fromConfiguration(properties);
    }

    public Optional<ApiPrincipal> principalFor(String token) {
        return Optional.ofNullable(byDigest.get(TokenDigest.sha256Hex(token)));
    }

    private static Map<String, ApiPrincipal> fromConfiguration(TokenProperties properties) {
        Map<String, ApiPrincipal> principals = new HashMap<>();
        for (int i = 0; i < properties.tokens().size(); i++) {
            TokenProperties.Token token = properties.tokens().get(i);
            String where = "reserve.security.tokens[" + i + "]";
            if (token.name() == null || token.name().isBlank()) {
                throw new IllegalStateException(where + ".name is required");
            }
            if (token.role() == null) {
                throw new IllegalStateException(where + ".role is required");
            }
            String digest = token.sha256() == null ? "" : token.sha256().toLowerCase(Locale.ROOT);
            if (!SHA256_HEX.matcher(digest).matches()) {
                throw new IllegalStateException(where + ".sha256 must be the token's SHA-256 digest in 64 hex digits");
            }
            if ((token.role() == Role.MANUFACTURER) != (token.manufacturerId() != null)) {
                throw new IllegalStateException(where + ".manufacturer-id is required for, and only for, MANUFACTURER");
            }
            if (principals.put(digest, new ApiPrincipal(token.name(), token.role(), token.manufacturerId())) != null) {
                throw new IllegalStateException(where + ".sha256 repeats another token's digest");
            }
        }
        return Map.copyOf(principals);
    }

    private static Map<String, ApiPrincipal> fromTokensFile(Path file, String defaultManufacturerId) {
        try {
            if (!Files.exists(file)) {
                createTokensFile(file, defaultManufacturerId);
                log.info("Created one bearer token per role in {} (readable by its owner only)", file.toAbsolutePath());
            } else {
                log.info("Using the bearer tokens in {}", file.toAbsolutePath());
            }
            Properties tokens = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                tokens.load(reader);
            }
            Map<String, ApiPrincipal> principals = new HashMap<>();
            for (Role role : Role.values()) {
                String key = role.name().toLowerCase(Locale.ROOT);
                String token = tokens.getProperty(key + ".token");
                if (token != null) {
                    principals.put(TokenDigest.sha256Hex(token), new ApiPrincipal(
                            tokens.getProperty(key + ".name", key), role, tokens.getProperty(key + ".manufacturer-id")));
                }
            }
            return Map.copyOf(principals);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the tokens file " + file, e);
        }
    }

    private static void createTokensFile(Path file, String defaultManufacturerId) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder("# Reserve Ledger bearer tokens, one per role. Keep this file secret.\n");
        for (Role role : Role.values()) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String key = role.name().toLowerCase(Locale.ROOT);
            text.append(key).append(".name=").append(key).append('\n');
            text.append(key).append(".token=").append(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                    .append('\n');
            if (role == Role.MANUFACTURER) {
                text.append(key).append(".manufacturer-id=").append(defaultManufacturerId).append('\n');
            }
        }
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "tokens", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            writer.write(text.toString());
        }
        Files.move(temporary, file);
    }
}
