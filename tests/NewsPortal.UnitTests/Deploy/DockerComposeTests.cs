using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsPortal.UnitTests.Deploy;

/// <summary>
/// docker-compose.yml cannot run here (no Docker engine); what can be checked without one is checked: the topology,
/// the order of starting, health checks, and that no secret is written into the file.
/// </summary>
public class DockerComposeTests
{
    private static readonly YamlMappingNode Services = Load();

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(RepositoryFiles.PathOf("docker-compose.yml"));
        var stream = new YamlStream();
        // Merge keys (<<: *anchor) resolved as Docker Compose resolves them.
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["services"];
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static string? Environment(string service, string key) =>
        Service(service).Children.TryGetValue("environment", out var node) && ((YamlMappingNode)node).Children.TryGetValue(key, out var value)
            ? ((YamlScalarNode)value).Value
            : null;

    private static string DependsOn(string service, string on) =>
        ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)Service(service)["depends_on"])[on])["condition"]).Value!;

    [Fact]
    public void RunsTwoInstancesBehindNginxOnPostgresAndRedisWithAOneShotMigrate()
    {
        Assert.Equal(["migrate", "nginx", "postgres", "redis", "web-a", "web-b"], Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order());
        foreach (var web in new[] { "web-a", "web-b" })
        {
            Assert.Equal("Postgres", Environment(web, "Database__Provider"));
            Assert.Equal("false", Environment(web, "Database__Migrate"));
            Assert.Equal("redis:6379", Environment(web, "ConnectionStrings__Redis"));
            Assert.Equal("service_completed_successfully", DependsOn(web, "migrate"));
            Assert.Equal("service_healthy", DependsOn(web, "redis"));
        }

        Assert.Equal("migrate", ((YamlScalarNode)((YamlSequenceNode)Service("migrate")["command"]).Children[0]).Value);
        Assert.Equal("Postgres", Environment("migrate", "Database__Provider"));
        Assert.Equal("service_healthy", DependsOn("migrate", "postgres"));
        Assert.Equal("service_healthy", DependsOn("nginx", "web-a"));
        Assert.Equal("service_healthy", DependsOn("nginx", "web-b"));
        // Each instance writes its own log file into the shared data volume.
        Assert.NotEqual(Environment("web-a", "FileLog__Path"), Environment("web-b", "FileLog__Path"));
    }

    [Fact]
    public void EveryLongRunningServiceHasAHealthCheck()
    {
        foreach (var name in new[] { "postgres", "redis", "web-a", "web-b", "nginx" })
        {
            Assert.True(Service(name).Children.ContainsKey("healthcheck"), $"{name} has no health check");
        }
    }

    [Fact]
    public void NoPasswordIsWrittenIntoTheFile()
    {
        Assert.Equal("${NEWSPORTAL_DB_PASSWORD:?set NEWSPORTAL_DB_PASSWORD}", Environment("postgres", "POSTGRES_PASSWORD"));
        Assert.EndsWith("Password=${NEWSPORTAL_DB_PASSWORD:?set NEWSPORTAL_DB_PASSWORD}", Environment("web-a", "ConnectionStrings__NewsPortal"), StringComparison.Ordinal);
    }

    [Fact]
    public void NginxSendsToBothInstancesAndIsTheTrustedProxy()
    {
        var mount = ((YamlScalarNode)((YamlSequenceNode)Service("nginx")["volumes"]).Children[0]).Value!;
        var config = File.ReadAllText(RepositoryFiles.PathOf(mount.Split(':')[0].TrimStart('.', '/').Split('/')));
        Assert.Contains("server web-a:8080", config, StringComparison.Ordinal);
        Assert.Contains("server web-b:8080", config, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Host $host;", config, StringComparison.Ordinal);

        var nginxAddress = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)Service("nginx")["networks"])["backend"])["ipv4_address"]).Value;
        Assert.Equal(nginxAddress, Environment("web-a", "Site__TrustedProxies__0"));
    }
}
