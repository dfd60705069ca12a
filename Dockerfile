# Builds the application jar with the Maven wrapper, then runs it on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app workrelief
WORKDIR /app
COPY --from=build /src/target/workrelief.jar /app/workrelief.jar
USER workrelief
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/workrelief.jar"]
