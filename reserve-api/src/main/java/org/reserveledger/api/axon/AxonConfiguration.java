package org.reserveledger.api.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.reserveledger.api.ReserveProperties;
import org.reserveledger.domain.commitment.Commitment;
import org.reserveledger.projections.audit.EventAttestation;
import org.reserveledger.domain.commitment.CommitmentCommandHandler;
import org.reserveledger.domain.commitment.Manufacturer;
import org.reserveledger.domain.financing.Facility;
import org.reserveledger.domain.financing.PrivateCapital;
import org.reserveledger.domain.inventory.Site;
import org.reserveledger.domain.inventory.TransferCommandHandler;
import org.reserveledger.domain.inventory.TransferRoutes;
import org.reserveledger.domain.pricing.ReferencePrice;
import org.reserveledger.domain.supply.MineralSupply;
import org.reserveledger.domain.supply.SupplyCommandHandler;
import org.reserveledger.domain.supply.SupplyLedger;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import javax.sql.DataSource;

/**
 * Axon on PostgreSQL. Every bean Axon's auto-configuration would otherwise guess is declared
 * here: with Spring Boot 4 that auto-configuration would silently fall back to a no-op
 * transaction manager, and then event appends, token updates and read-model writes would not
 * share a transaction.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /** Events, metadata and tokens as readable JSON. */
    @Bean
    @Primary
    Serializer serializer() {
        return jsonSerializer(false);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** Aggregates keep their state in private fields, so their snapshots read fields, not getters. */
    @Bean
    @Qualifier("snapshotSerializer")
    Serializer snapshotSerializer() {
        return jsonSerializer(true);
    }

    static Serializer jsonSerializer(boolean fields) {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(builder -> {
                    builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                            // Axon's replay token names its inner tokens' classes and has a context of
                            // any type; Jackson 3 refuses such class names unless they are allowed.
                            .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                                    .allowIfSubType("org.axonframework.")
                                    .allowIfSubType("org.reserveledger.")
                                    .build());
                    if (fields) {
                        builder.changeDefaultVisibility(visibility -> visibility
                                .withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                                .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                                .withVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY));
                    }
                })
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          @Qualifier("snapshotSerializer") Serializer snapshotSerializer,
                                          EventAttestation attestation) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .persistenceExceptionResolver(new SQLStateResolver())
                .dataType(byte[].class)
                .upcasterChain(eventUpcasters())
                .schema(EventSchema.builder()
                        .eventTable("domain_event_entry")
                        .snapshotTable("snapshot_event_entry")
                        .globalIndexColumn("global_index")
                        .eventIdentifierColumn("event_identifier")
                        .aggregateIdentifierColumn("aggregate_identifier")
                        .sequenceNumberColumn("sequence_number")
                        .typeColumn("type")
                        .timestampColumn("time_stamp")
                        .payloadTypeColumn("payload_type")
                        .payloadRevisionColumn("payload_revision")
                        .payloadColumn("payload")
                        .metaDataColumn("meta_data")
                        .build());
        return new AttestingEventStorageEngine(builder, transactionManager, attestation);
    }

    /** Every event whose shape changed, read in its current shape whatever revision it was written in. */
    static EventUpcasterChain eventUpcasters() {
        return new EventUpcasterChain(new ReferencePriceSetUpcaster());
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .contentType(byte[].class)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .build();
    }

    @Bean
    CorrelationDataProvider commandOriginCorrelation() {
        return new CommandOriginCorrelation();
    }

    @Bean
    ConfigurerModule reserveAggregates(TransferRoutes transferRoutes, SupplyLedger supplyLedger,
                                       ReserveProperties properties) {
        return configurer -> {
            // Sites gather lots and transfers for years; a snapshot keeps each command's cost flat.
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Site.class)
                    .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                            AggregateSnapshotter.builder()
                                    .eventStore(c.eventStore())
                                    .aggregateFactories(new GenericAggregateFactory<>(Site.class))
                                    .transactionManager(c.getComponent(TransactionManager.class))
                                    .repositoryProvider(c::repository)
                                    .build(),
                            properties.snapshotThreshold())));
            configurer.configureAggregate(ReferencePrice.class);
            configurer.registerCommandHandler(c -> new TransferCommandHandler(c.repository(Site.class), transferRoutes));
            configurer.configureAggregate(Manufacturer.class);
            configurer.configureAggregate(Commitment.class);
            configurer.configureAggregate(MineralSupply.class);
            configurer.registerCommandHandler(c -> new CommitmentCommandHandler(c.repository(Commitment.class),
                    c.repository(Manufacturer.class), c.repository(MineralSupply.class), c.repository(Site.class),
                    supplyLedger));
            configurer.registerCommandHandler(c -> new SupplyCommandHandler(c.repository(MineralSupply.class), supplyLedger));
            configurer.configureAggregate(Facility.class);
            configurer.configureAggregate(PrivateCapital.class);
            // A projection that fails rolls back its batch, token included, and retries it; it never skips an event.
            configurer.eventProcessing()
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                    // A projection that skips events it does not handle still stores its token within this many
                    // milliseconds, so a view asked for a position it merely passed answers promptly.
                    .registerPooledStreamingEventProcessorConfiguration((c, builder) -> builder.claimExtensionThreshold(200));
        };
    }
}
