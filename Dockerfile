# FakeEntra: a local Microsoft Entra ID for development and CI.
#   docker build -t fakeentra .
#   docker run -p 5443:5443 -v fakeentra-data:/data fakeentra
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/FakeEntra.Core/FakeEntra.Core.csproj src/FakeEntra.Core/
COPY src/FakeEntra.Server/FakeEntra.Server.csproj src/FakeEntra.Server/
RUN dotnet restore src/FakeEntra.Server/FakeEntra.Server.csproj --use-current-runtime -p:PublishReadyToRun=true
COPY src/ src/
COPY samples/scenarios/ samples/scenarios/
# The same command .ci/run executes, so CI proves this step without a Docker engine. ReadyToRun: the server's code and its
# packages' (EF Core above all) are compiled ahead, so a start JIT-compiles little of it (bench/ measures this form's start).
RUN dotnet publish src/FakeEntra.Server/FakeEntra.Server.csproj -c Release --use-current-runtime -p:PublishReadyToRun=true -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
COPY samples/scenarios/ /app/scenarios/
RUN mkdir -p /data && chown app:app /data
USER app
VOLUME /data
ENV FakeEntra__DataDirectory=/data \
    ASPNETCORE_URLS=https://+:5443
EXPOSE 5443
# The local CA and HTTPS certificate are created in /data/certs on first start; trust /data/certs/ca.crt in clients.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 CMD ["dotnet", "/app/FakeEntra.Server.dll", "--healthcheck", "https://localhost:5443"]
ENTRYPOINT ["dotnet", "/app/FakeEntra.Server.dll"]
