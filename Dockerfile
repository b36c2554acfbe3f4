# keda4j image: the controller and the external metrics adapter run in one JVM (`keda4j run`).
# Not built on the development machine (it has no Docker engine): untested, see charts/keda4j/README.md.
#   docker build -t <registry>/keda4j:0.1.0 .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -Dspotbugs.skip -Dcheckstyle.skip -Dspotless.check.skip=true package -pl app -am

FROM eclipse-temurin:17-jre
# a fixed non-root uid, matching the chart's securityContext (runAsUser 65532)
RUN useradd --system --uid 65532 --no-create-home --shell /usr/sbin/nologin keda4j
COPY --from=build /src/app/target/keda4j.jar /app/keda4j.jar
USER 65532:65532
EXPOSE 6443 8080 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/keda4j.jar"]
CMD ["run"]
