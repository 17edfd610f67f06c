package org.reserveledger.api.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AggregateModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.reserveledger.api.ReserveProperties;
import org.reserveledger.domain.commitment.Commitment;
import org.reserveledger.projections.support.ProjectionWrites;
import org.reserveledger.projections.audit.EventAttestation;
import org.reserveledger.projections.tracking.ProjectionPositions;
import org.reserveledger.projections.replay.Projection;
import org.reserveledger.projections.replay.ProjectionCatalog;
import org.reserveledger.domain.commitment.CommitmentCommandHandler;
import org.reserveledger.domain.commitment.Manufacturer;
import org.reserveledger.domain.financing.Facility;
import org.reserveledger.domain.financing.PrivateCapital;
import org.reserveledger.domain.inventory.Site;
import org.reserveledger.domain.inventory.TransferCommandHandler;
import org.reserveledger.domain.inventory.TransferRoutes;
import org.reserveledger.domain.period.Books;
import org.reserveledger.domain.pricing.ReferencePrice;
import org.reserveledger.domain.supply.MineralSupply;
import org.reserveledger.domain.supply.SupplyCommandHandler;
import org.reserveledger.domain.supply.SupplyLedger;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Axon on PostgreSQL. Every bean Axon's auto-configuration would otherwise guess is declared
 * here: with Spring Boot 4 that auto-configuration would silently fall back to a no-op
 * transaction manager, and then event appends, token updates and read-model writes would not
 * share a transaction.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * The sequences a projection parks in, as its {@code @ReadModel} declares: a parked event holds back every
     * later event of its sequence, so no row ever skips an event, and only other sequences keep flowing. A
     * projection whose rows are each written by the events of one aggregate parks per aggregate; one whose rows
     * join aggregates parks in one sequence for all its events, so that a parked event stops it (visibly) rather
     * than letting a row run ahead of an event it depends on.
     */
    static SequencingPolicy<EventMessage<?>> parking(Projection projection) {
        return switch (projection.parking()) {
            case PER_AGGREGATE -> AxonConfiguration::aggregateOf;
            case ONE_SEQUENCE -> event -> projection.name();
        };
    }

    private static final DeadLetterSchema DEAD_LETTER_SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

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
                                          EventAttestation attestation, AppendedPositions positions) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .persistenceExceptionResolver(new SQLStateResolver())
                .dataType(byte[].class)
                .upcasterChain(eventUpcasters())
                // Events per query when a processor, a replay or an aggregate load reads the stream (Axon's default 100).
                .batchSize(1000)
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
        return new AttestingEventStorageEngine(builder, transactionManager, attestation, positions);
    }

    /** Every event whose shape changed, read in its current shape whatever revision it was written in. */
    static EventUpcasterChain eventUpcasters() {
        List<EventUpcaster> upcasters = new ArrayList<>();
        upcasters.add(new ReferencePriceSetUpcaster());
        upcasters.addAll(BusinessInstantUpcaster.siteMovements());
        return new EventUpcasterChain(upcasters);
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

    /**
     * Every event names the command that caused it ({@code causationId}) and carries its request's
     * {@code correlationId}, or the command's own id when it had none.
     */
    @Bean
    CorrelationDataProvider commandCausation() {
        return new MessageOriginProvider(CommandOrigin.CAUSATION_ID, CommandOrigin.CORRELATION_ID);
    }

    /** Every event carries the actor, and the actor's role, of the command that caused it. */
    @Bean
    CorrelationDataProvider commandActor() {
        return new SimpleCorrelationDataProvider(CommandOrigin.ACTOR, CommandOrigin.ACTOR_ROLE);
    }

    /** Aggregates kept in memory between commands, checked against the store before each use (FreshCachingRepository). */
    @Bean
    AggregateCaches aggregateCaches(ReserveProperties properties) {
        return new AggregateCaches(properties.aggregateCacheSize());
    }

    /** Snapshots are taken after a command has answered, one at a time, not on the request's thread. */
    @Bean
    ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("snapshotter").daemon().factory());
    }

    @Bean
    ConfigurerModule reserveAggregates(TransferRoutes transferRoutes, SupplyLedger supplyLedger,
                                       ReserveProperties properties, AggregateCaches caches,
                                       ExecutorService snapshotExecutor) {
        return configurer -> {
            // Sites gather lots and transfers for years; a snapshot keeps the cost of loading one flat.
            configurer.configureAggregate(cached(Site.class, caches, c -> new EventCountSnapshotTriggerDefinition(
                    AggregateSnapshotter.builder()
                            .eventStore(c.eventStore())
                            // The snapshotter's model of a site, and the one it builds a snapshot with, use
                            // the configuration's resolvers, so the Spring beans its handlers take
                            // (ClosedPeriods) resolve as they do for the repository.
                            .aggregateFactories(new GenericAggregateFactory<>(modelOf(Site.class, c)))
                            .parameterResolverFactory(c.parameterResolverFactory())
                            .handlerDefinition(c.handlerDefinition(Site.class))
                            .transactionManager(c.getComponent(TransactionManager.class))
                            .repositoryProvider(c::repository)
                            .executor(snapshotExecutor)
                            .build(),
                    properties.snapshotThreshold())));
            configurer.configureAggregate(cached(ReferencePrice.class, caches));
            configurer.registerCommandHandler(c -> new TransferCommandHandler(c.repository(Site.class), transferRoutes));
            configurer.configureAggregate(cached(Manufacturer.class, caches));
            configurer.configureAggregate(cached(Commitment.class, caches));
            configurer.configureAggregate(cached(MineralSupply.class, caches));
            configurer.registerCommandHandler(c -> new CommitmentCommandHandler(c.repository(Commitment.class),
                    c.repository(Manufacturer.class), c.repository(MineralSupply.class), c.repository(Site.class),
                    supplyLedger));
            configurer.registerCommandHandler(c -> new SupplyCommandHandler(c.repository(MineralSupply.class), supplyLedger));
            configurer.configureAggregate(cached(Facility.class, caches));
            configurer.configureAggregate(cached(PrivateCapital.class, caches));
            configurer.configureAggregate(cached(Books.class, caches));
            // A handler that fails rolls back its batch, token included, and retries it; it never skips an event.
            // The projections of the catalog instead park an event that keeps failing (projectionDeadLetters).
            configurer.eventProcessing()
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                    // A projection that skips events it does not handle still stores its token within this many
                    // milliseconds, so a view asked for a position it merely passed answers promptly.
                    .registerPooledStreamingEventProcessorConfiguration((c, builder) -> builder.claimExtensionThreshold(200));
        };
    }

    /** The parking projections' handlers share their batch's round trips, and a failing event still leaves no writes behind. */
    @Bean
    HandlerEnhancerDefinition projectionSavepoints(PlatformTransactionManager transactionManager, ProjectionWrites writes,
                                                   ProjectionCatalog catalog) {
        return new ProjectionSavepoints(Set.copyOf(catalog.names()), transactionManager, writes);
    }

    @Bean
    ConfigurerModule projectionDeadLetters(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                           PlatformTransactionManager platformTransactionManager, Serializer serializer,
                                           @Qualifier("eventSerializer") Serializer eventSerializer,
                                           DeadLetterProperties properties, ProjectionPositions positions,
                                           JdbcClient jdbc, ProjectionCatalog catalog) {
        // Retrying a parked event runs inside the retry's transaction: as a savepoint, a failure undoes only the
        // event's writes and the queue can still record the attempt; a success commits with the letter's eviction.
        TransactionManager savepoints = new SpringTransactionManager(platformTransactionManager,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        return configurer -> catalog.all().forEach(model -> configurer.eventProcessing()
                .registerSequencingPolicy(model.name(), c -> parking(model))
                .registerDeadLetterQueue(model.name(), c -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(model.name())
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(DEAD_LETTER_SCHEMA)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .maxSequences(properties.maxSequences())
                        .maxSequenceSize(properties.maxSequenceSize())
                        .claimDuration(properties.claimDuration())
                        .build())
                .registerDeadLetterPolicy(model.name(), c -> new ParkingPolicy(model.name(), positions, jdbc))
                .registerDeadLetteringEventHandlerInvokerConfiguration(model.name(), (c, builder) -> builder
                        .transactionManager(savepoints)
                        // Remembers which sequences hold nothing parked, instead of asking the table for every event.
                        .enableSequenceIdentifierCache()
                        // A replay from the start applies the parked events in their place, so it empties the queue.
                        .allowReset(true)));
    }

    private static <T> AggregateConfigurer<T> cached(Class<T> type, AggregateCaches caches) {
        return cached(type, caches, c -> NoSnapshotTriggerDefinition.INSTANCE);
    }

    /** An event-sourced aggregate whose repository keeps copies in memory, each checked against the store before use. */
    private static <T> AggregateConfigurer<T> cached(Class<T> type, AggregateCaches caches,
                                                     Function<Configuration, SnapshotTriggerDefinition> snapshots) {
        Cache cache = caches.forType(type);
        return AggregateConfigurer.defaultConfiguration(type)
                .configureRepository(c -> new FreshCachingRepository<>(EventSourcingRepository.builder(type)
                        .aggregateModel(modelOf(type, c))
                        .parameterResolverFactory(c.parameterResolverFactory())
                        .handlerDefinition(c.handlerDefinition(type))
                        .snapshotTriggerDefinition(snapshots.apply(c))
                        .repositoryProvider(c::repository), cache, c.eventStore()));
    }

    private static <T> AggregateModel<T> modelOf(Class<T> type, Configuration c) {
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(type, c.parameterResolverFactory(),
                c.handlerDefinition(type));
    }

    private static Object aggregateOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
