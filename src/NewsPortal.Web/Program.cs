using NewsPortal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Configuration: the repository-root appsettings.json, then environment variables and arguments.
builder.AddRootConfiguration(args);

// Logging: Serilog to the console and a rolling file under the data directory.
builder.AddNewsPortalLogging();

// Data: SQLite (default) or PostgreSQL through EF Core, full-text search, the Markdown renderer, image renditions, demo content.
builder.Services.AddNewsPortalData(builder.Configuration);

// Web: MVC with localized views, antiforgery everywhere, editions, the reader cache, rate limits, health checks; Identity and the newsroom's use cases for editors; read counts, most-read and related stories.
builder.Services.AddNewsPortalWeb();
builder.Services.AddNewsPortalOutputCache(builder.Configuration);
builder.Services.AddNewsPortalIdentity();
builder.Services.AddNewsPortalEditorArea();
builder.Services.AddNewsPortalOperations();

// Mirror: the key that signs static mirrors' manifests (served at /.well-known/newsportal-mirror-key.pem) and their check.
builder.Services.AddNewsPortalMirror();

builder.Services.AddNewsPortalRateLimiting(builder.Configuration);
builder.Services.AddNewsPortalHealthChecks();
builder.Services.AddNewsPortalReading();

var app = builder.Build();

// Operator commands (migrate, create-admin, backup, restore, export, import, verify-mirror) run instead of the server; any other word is refused with usage.
if (CommandLineCommands.IsCommand(args))
{
    return await app.RunCommandAsync(args);
}

// Startup: migrate, enable WAL, seed (or, with Database:Migrate=false, check the schema is current), load editions, before the first request.
await app.InitializeDatabaseAsync();

// Pipeline: error pages, security headers, limits, media, routing, the reader cache, culture, sign-in.
app.UseNewsPortalPipeline();

// Endpoints: health checks, fingerprinted static assets, reader pages and the editor area.
app.MapNewsPortalEndpoints();

await app.RunAsync();
return 0;
