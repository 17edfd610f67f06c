package org.reserveledger.projections.replay;

import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every projection that builds a view, by name: each bean declared a {@link ReadModel}. */
@Component
public class ProjectionCatalog {

    private final List<Projection> projections;

    public ProjectionCatalog(ListableBeanFactory beans) {
        this.projections = beans.getBeansWithAnnotation(ReadModel.class).values().stream()
                .map(ProjectionCatalog::projection)
                .sorted(Comparator.comparing(Projection::name))
                .toList();
    }

    private static Projection projection(Object bean) {
        Class<?> type = AopUtils.getTargetClass(bean);
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(type.getName() + " declares a read model without a @ProcessingGroup naming it");
        }
        return new Projection(group.value(), bean);
    }

    public List<Projection> all() {
        return projections;
    }

    /** The names of every projection, in the order of {@link #all()}. */
    public List<String> names() {
        return projections.stream().map(Projection::name).toList();
    }

    public Optional<Projection> named(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<Projection> named(List<String> names) {
        return names.stream().map(name -> named(name).orElseThrow(
                () -> new IllegalArgumentException("no projection " + name))).toList();
    }
}
