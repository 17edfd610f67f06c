package org.reserveledger.api.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's caching repository, made safe for several service instances on one database: a command
 * decided on a cached copy is checked against the store when its outcome does not prove the copy
 * was current ({@link CachedCopies}), and sent again on the aggregate as stored when it was not.
 */
final class FreshCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore eventStore;

    FreshCachingRepository(EventSourcingRepository.Builder<T> builder, Cache cache, EventStore eventStore) {
        super(builder.cache(cache).eventStore(eventStore));
        this.cache = cache;
        this.eventStore = eventStore;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached) {
            CachedCopies.decidingOn(aggregateIdentifier, aggregate,
                    () -> eventStore.lastSequenceNumberFor(aggregateIdentifier),
                    () -> cache.remove(aggregateIdentifier));
        }
        return aggregate;
    }
}
