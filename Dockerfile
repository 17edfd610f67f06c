# Reserve Ledger as a container image. docker-compose.yml runs it against a PostgreSQL container;
# on its own it needs SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD for a PostgreSQL 15 or newer.

FROM eclipse-temurin:21.0.8_9-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY reserve-domain reserve-domain
COPY reserve-projections reserve-projections
COPY reserve-api reserve-api
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:21.0.8_9-jre
RUN useradd --system --user-group --home-dir /app --shell /usr/sbin/nologin reserve \
    && mkdir -p /app/data \
    && chown reserve:reserve /app/data
WORKDIR /app
COPY --from=build /src/reserve-api/target/reserve-api-0.1.0-SNAPSHOT.jar /app/reserve-ledger.jar
USER reserve
# reserve.data-dir: the generated tokens.properties (and the embedded database, when no datasource is set).
ENV RESERVE_DATADIR=/app/data
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/reserve-ledger.jar"]
