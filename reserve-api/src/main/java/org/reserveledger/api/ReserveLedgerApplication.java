package org.reserveledger.api;

import org.reserveledger.api.audit.ExportVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "org.reserveledger")
@ConfigurationPropertiesScan
public class ReserveLedgerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ExportVerifier.COMMAND.equals(args[0])) {
            // An auditor's offline check of an export: no database, no server.
            System.exit(ExportVerifier.run(args, System.in, System.out, System.err));
        }
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(ReserveLedgerApplication.class, args);
    }
}
