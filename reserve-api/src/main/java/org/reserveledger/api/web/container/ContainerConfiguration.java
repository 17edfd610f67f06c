package org.reserveledger.api.web.container;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's part: the error report valve on its host, the one Spring Boot installs included, is
 * replaced by {@link ProblemReportValve} (ordered last so that Spring Boot's valve is already there
 * to remove), refused bodies are not drained ({@link RefusedBodyValve}) nor invited by an early
 * {@code 100 Continue}.
 */
@Component
class ContainerConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final JsonMapper json;

    ContainerConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new RefusedBodyValve());
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                // 100 Continue only once the body is read, so a body refused on its declared length is never invited.
                http.setContinueResponseTiming("onRead");
            }
        });
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve(json));
            if (host instanceof StandardHost standardHost) {
                // Tomcat adds this class's valve at start unless one is present: ours is.
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
