# syntax=docker/dockerfile:1
# keda4j image of the external metrics adapter (`keda4j adapter`: serves external.metrics.k8s.io on 6443, reads values from the leader controller).
# NOT BUILT OR TESTED HERE: the development machine has no Docker engine. scripts/helm.sh only checks this file
# statically (pinned base images, numeric non-root USER, ENTRYPOINT). Build from the repository root:
#   docker build -f docker/adapter.Dockerfile -t <registry>/keda4j-adapter:0.1.0 .
# The chart runs `java -jar /app/keda4j.jar adapter` itself (command:), so this ENTRYPOINT matters only for docker run.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dspotbugs.skip -Dcheckstyle.skip -Dspotless.check.skip=true -pl app -am package

FROM eclipse-temurin:17.0.13_11-jre-jammy
# A fixed numeric non-root uid/gid, matching the chart's securityContext (runAsUser/runAsGroup 65532), so
# runAsNonRoot can be verified by the kubelet. Nothing is written outside /tmp (an emptyDir in the chart):
# the root filesystem can be read-only.
RUN groupadd --system --gid 65532 keda4j \
 && useradd --system --uid 65532 --gid 65532 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin keda4j
COPY --from=build --chown=0:0 --chmod=0444 /src/app/target/keda4j.jar /app/keda4j.jar
USER 65532:65532
EXPOSE 6443 8080 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Djava.io.tmpdir=/tmp", "-jar", "/app/keda4j.jar", "adapter"]
