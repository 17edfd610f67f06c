package org.reserveledger.api.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reserveledger.api.ReserveProperties;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRegistryTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutConfiguredTokensCreatesOnePerRoleReadableOnlyByItsOwner() throws IOException {
        TokenRegistry registry = new TokenRegistry(new TokenProperties(List.of(), "VOLTCELL"), properties());

        Path file = dataDir.resolve(TokenRegistry.TOKENS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties tokens = load(file);
        for (Role role : Role.values()) {
            String token = tokens.getProperty(role.name().toLowerCase() + ".token");
            assertThat(token).hasSizeGreaterThanOrEqualTo(43);
            assertThat(registry.principalFor(token)).get().extracting(ApiPrincipal::role).isEqualTo(role);
        }
        assertThat(registry.principalFor(tokens.getProperty("manufacturer.token")).orElseThrow().manufacturerId())
                .isEqualTo("VOLTCELL");
        assertThat(registry.principalFor("guess")).isEmpty();
    }

    @Test
    void laterStartsKeepTheTokensOfTheFirst() throws IOException {
        new TokenRegistry(new TokenProperties(List.of(), "VOLTCELL"), properties());
        String operator = load(dataDir.resolve(TokenRegistry.TOKENS_FILE)).getProperty("operator.token");

        TokenRegistry restarted = new TokenRegistry(new TokenProperties(List.of(), "VOLTCELL"), properties());

        assertThat(restarted.principalFor(operator)).get().extracting(ApiPrincipal::role).isEqualTo(Role.OPERATOR);
    }

    @Test
    void configuredTokensAreKnownByDigestOnlyAndWriteNoFile() {
        String digest = TokenDigest.sha256Hex("s3cret-operator");
        TokenRegistry registry = new TokenRegistry(new TokenProperties(
                List.of(new TokenProperties.Token("ops", Role.OPERATOR, digest.toUpperCase(), null)), "VOLTCELL"), properties());

        assertThat(registry.principalFor("s3cret-operator")).get().extracting(ApiPrincipal::name).isEqualTo("ops");
        assertThat(registry.principalFor(digest)).isEmpty();
        assertThat(Files.exists(dataDir.resolve(TokenRegistry.TOKENS_FILE))).isFalse();
    }

    @Test
    void refusesATokenConfiguredInPlainText() {
        assertThatThrownBy(() -> new TokenRegistry(new TokenProperties(
                List.of(new TokenProperties.Token("ops", Role.OPERATOR, "s3cret-operator", null)), "VOLTCELL"), properties()))
                .hasMessageContaining("SHA-256");
    }

    @Test
    void refusesTwoTokensWithTheSameDigest() {
        String digest = TokenDigest.sha256Hex("shared");
        assertThatThrownBy(() -> new TokenRegistry(new TokenProperties(List.of(
                new TokenProperties.Token("a", Role.OPERATOR, digest, null),
                new TokenProperties.Token("b", Role.ADMIN, digest, null)), "VOLTCELL"), properties()))
                .hasMessageContaining("repeats");
    }

    @Test
    void aManufacturerTokenMustNameItsManufacturer() {
        String digest = TokenDigest.sha256Hex("m");
        assertThatThrownBy(() -> new TokenRegistry(new TokenProperties(
                List.of(new TokenProperties.Token("m", Role.MANUFACTURER, digest, null)), "VOLTCELL"), properties()))
                .hasMessageContaining("manufacturer-id");
    }

    private ReserveProperties properties() {
        return new ReserveProperties(dataDir, new ReserveProperties.EmbeddedDatabase(0), Duration.ofSeconds(5), 100, 16);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
