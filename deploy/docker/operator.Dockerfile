# syntax=docker/dockerfile:1.7
# The streampipe operator: JRE 17, the operator jar and its runtime dependencies, non-root.
# Build from the repository root (see deploy/docker/README.md):
#   docker build -f deploy/docker/operator.Dockerfile -t ghcr.io/streampipe/streampipe-operator:0.1.0 .
ARG JDK_IMAGE=eclipse-temurin:17.0.15_6-jdk-jammy
ARG JRE_IMAGE=eclipse-temurin:17.0.15_6-jre-jammy

FROM ${JDK_IMAGE} AS build
WORKDIR /src
# Every module directory must be present: Maven reads the whole reactor even for -pl.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl operator -am -DskipTests -Dspotless.check.skip=true \
      package dependency:copy-dependencies -DincludeScope=runtime \
 && mkdir -p /out/lib \
 && cp operator/target/dependency/*.jar /out/lib/ \
 && cp operator/target/streampipe-operator-*.jar /out/lib/

FROM ${JRE_IMAGE}
LABEL org.opencontainers.image.title="streampipe-operator" \
      org.opencontainers.image.description="Reconciles StreamingPipelines into Kafka topics, a Cassandra schema and a Spark job" \
      org.opencontainers.image.source="https://github.com/streampipe/streampipe" \
      org.opencontainers.image.licenses="Apache-2.0"
# The chart runs the pod as 10001 with a read-only root filesystem; only /tmp is writable.
RUN groupadd --system --gid 10001 streampipe \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin streampipe
COPY --from=build /out/lib/ /opt/streampipe/operator/lib/
USER 10001:10001
EXPOSE 8080
# UTF-8 whatever the locale: pipelines' text reaches logs and events intact.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8"
# The JVM expands the classpath wildcard itself; no shell needed.
ENTRYPOINT ["java", "-cp", "/opt/streampipe/operator/lib/*", "io.streampipe.operator.OperatorMain"]
