# Builds and runs Reserve Ledger; PostgreSQL comes from docker-compose.yml.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY reserve-domain reserve-domain
COPY reserve-projections reserve-projections
COPY reserve-api reserve-api
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin reserve \
    && mkdir -p /app/data && chown -R reserve /app
WORKDIR /app
COPY --from=build /src/reserve-api/target/reserve-api-*.jar /app/reserve-ledger.jar
USER reserve
ENV RESERVE_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/reserve-ledger.jar"]
