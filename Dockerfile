# The gateway's image (also the Jira sandbox's: `sandbox` instead of `gateway`).
#   docker build -t redress .
#   docker run -p 8080:8080 -e REDRESS_API_TOKEN=… -e REDRESS_JIRA_TOKEN=… redress
# docker-compose.yml builds it for the whole stack. config/ and routes/ are in the image; mount your own over
# /app/config and /app/routes to change templates or add channel routes without rebuilding.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
# dependencies in their own layer, fetched again only when pom.xml changes
RUN mvn -B -q dependency:resolve dependency:resolve-plugins
COPY src src
RUN mvn -B -q package -Dmaven.test.skip=true

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 --home-dir /app redress && mkdir -p /app/data && chown redress /app/data
COPY --from=build /src/target/redress.jar /app/target/redress.jar
COPY --from=build /src/target/lib /app/target/lib
COPY config /app/config
COPY routes /app/routes
USER redress
EXPOSE 8080
# the register (H2 by default), kept across restarts
VOLUME /app/data
# liveness only: readiness (/q/health, 503 while an inbox, Jira, SMTP or the database is DOWN) is for orchestrators
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /q/health/live HTTP/1.0\r\n\r\n" >&3 && head -1 <&3 | grep -q " 200"'
# C1 only: on a small machine C2 spends a third of the gateway's CPU compiling for its first thousands of mails;
# the parallel collector: half the CPU G1 spends collecting, at pauses a mail gateway does not notice
# (docs/DEPLOYMENT.md, "JVM options")
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-jar", "target/redress.jar"]
CMD ["gateway"]
