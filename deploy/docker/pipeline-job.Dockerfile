# syntax=docker/dockerfile:1.7
# The pipeline-job image: Spark 3.5 (Scala 2.13) on JRE 17 with the pipeline-job jar, plus the
# streampipe CLI (provision, produce, validate, run) so docker-compose needs one image.
# Apache publishes no Scala 2.13 Spark 3.5 image, so Spark comes from the signed distribution.
# Build from the repository root (see deploy/docker/README.md):
#   docker build -f deploy/docker/pipeline-job.Dockerfile -t ghcr.io/streampipe/pipeline-job:0.1.0 .
ARG JDK_IMAGE=eclipse-temurin:17.0.15_6-jdk-jammy
ARG JRE_IMAGE=eclipse-temurin:17.0.15_6-jre-jammy

FROM ${JDK_IMAGE} AS spark
# Kept equal to the parent pom's spark.version and scala.binary.version by a test.
ARG SPARK_VERSION=3.5.9
ARG SCALA_BINARY_VERSION=2.13
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates gnupg \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /tmp/spark
RUN set -eux; \
    dist="spark-${SPARK_VERSION}-bin-hadoop3-scala${SCALA_BINARY_VERSION}"; \
    base="https://archive.apache.org/dist/spark/spark-${SPARK_VERSION}"; \
    curl -fsSLO "${base}/${dist}.tgz"; \
    curl -fsSLO "${base}/${dist}.tgz.asc"; \
    curl -fsSL https://downloads.apache.org/spark/KEYS | gpg --batch --import; \
    gpg --batch --verify "${dist}.tgz.asc" "${dist}.tgz"; \
    tar -xzf "${dist}.tgz"; \
    mv "${dist}" /opt/spark; \
    rm -rf /opt/spark/examples /opt/spark/data /opt/spark/python /opt/spark/R /opt/spark/licenses/*.txt.bak

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
COPY --from=spark /opt/spark/jars /opt/spark/jars
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl pipeline-job,cli -am -DskipTests -Dspotless.check.skip=true \
      package dependency:copy-dependencies -DincludeScope=runtime \
 && mkdir -p /out \
 && cp pipeline-job/target/streampipe-pipeline-job-*.jar /out/pipeline-job.jar \
 && deploy/docker/add-missing-jars.sh pipeline-job/target/dependency /out/spark-extra /opt/spark/jars \
 && cp cli/target/streampipe-cli-*.jar cli/target/dependency/ \
 && deploy/docker/add-missing-jars.sh cli/target/dependency /out/cli-lib /opt/spark/jars /out/spark-extra

FROM ${JRE_IMAGE}
LABEL org.opencontainers.image.title="pipeline-job" \
      org.opencontainers.image.description="streampipe's Spark Structured Streaming job (Kafka to Cassandra) and CLI" \
      org.opencontainers.image.source="https://github.com/streampipe/streampipe" \
      org.opencontainers.image.licenses="Apache-2.0"
# Spark's entrypoint needs bash, tini and ps; 185 is the user of Apache's Spark images, which the
# operator's SparkApplication runs as.
RUN apt-get update \
 && apt-get install -y --no-install-recommends bash tini procps \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 185 spark \
 && useradd --system --uid 185 --gid 185 --home-dir /opt/spark --no-create-home --shell /usr/sbin/nologin spark
ENV SPARK_HOME=/opt/spark \
    PATH="/opt/spark/bin:/opt/streampipe/bin:${PATH}"
# What Spark's JavaModuleOptions opens on JDK 17 (the parent pom's spark.jvm.opens): spark-submit
# adds it for driver and executors, but the CLI's local Spark and any plain `java` need it too. Then
# UTF-8 whatever the locale, so specs' text is read and printed intact.
ENV JDK_JAVA_OPTIONS="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8"
COPY --from=spark /opt/spark /opt/spark
COPY --from=spark /opt/spark/kubernetes/dockerfiles/spark/entrypoint.sh /opt/entrypoint.sh
COPY --from=spark /opt/spark/kubernetes/dockerfiles/spark/decom.sh /opt/decom.sh
COPY --from=build /out/spark-extra/ /opt/spark/jars/
COPY --from=build /out/pipeline-job.jar /opt/streampipe/pipeline-job.jar
COPY --from=build /out/cli-lib/ /opt/streampipe/lib/
COPY deploy/docker/streampipe.sh /opt/streampipe/bin/streampipe
# The checkpoint directory exists owned by the job user so a fresh named volume inherits that owner.
RUN mkdir -p /opt/spark/work-dir /etc/streampipe /var/lib/streampipe/checkpoint \
 && chown -R 185:185 /opt/spark/work-dir /var/lib/streampipe \
 && chmod 0755 /opt/entrypoint.sh /opt/decom.sh /opt/streampipe/bin/streampipe
WORKDIR /opt/spark/work-dir
USER 185:185
EXPOSE 9464
# Spark's entrypoint runs `driver`/`executor` for the Spark operator and execs anything else,
# e.g. `streampipe provision ...` or `spark-submit ...` in docker-compose.
ENTRYPOINT ["/opt/entrypoint.sh"]
