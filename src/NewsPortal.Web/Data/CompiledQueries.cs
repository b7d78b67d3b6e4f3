using System.Collections.Concurrent;

namespace NewsPortal.Web.Data;

/// <summary>
/// A compiled query for each database provider. EF Core binds a compiled query to the model it first ran against, and
/// SQLite and PostgreSQL each have their own model: wrapped here, a query compiles once per provider (in practice once,
/// since an instance runs on one provider; the tests run hosts of both in one process).
/// </summary>
public static class CompiledQueries
{
    public static Func<NewsPortalDbContext, T1, TResult> PerProvider<T1, TResult>(Func<Func<NewsPortalDbContext, T1, TResult>> compile)
    {
        var compiled = new ConcurrentDictionary<Type, Func<NewsPortalDbContext, T1, TResult>>();
        return (db, a) => compiled.GetOrAdd(db.GetType(), _ => compile())(db, a);
    }

    public static Func<NewsPortalDbContext, T1, T2, TResult> PerProvider<T1, T2, TResult>(Func<Func<NewsPortalDbContext, T1, T2, TResult>> compile)
    {
        var compiled = new ConcurrentDictionary<Type, Func<NewsPortalDbContext, T1, T2, TResult>>();
        return (db, a, b) => compiled.GetOrAdd(db.GetType(), _ => compile())(db, a, b);
    }

    public static Func<NewsPortalDbContext, T1, T2, T3, TResult> PerProvider<T1, T2, T3, TResult>(Func<Func<NewsPortalDbContext, T1, T2, T3, TResult>> compile)
    {
        var compiled = new ConcurrentDictionary<Type, Func<NewsPortalDbContext, T1, T2, T3, TResult>>();
        return (db, a, b, c) => compiled.GetOrAdd(db.GetType(), _ => compile())(db, a, b, c);
    }

    public static Func<NewsPortalDbContext, T1, T2, T3, T4, TResult> PerProvider<T1, T2, T3, T4, TResult>(Func<Func<NewsPortalDbContext, T1, T2, T3, T4, TResult>> compile)
    {
        var compiled = new ConcurrentDictionary<Type, Func<NewsPortalDbContext, T1, T2, T3, T4, TResult>>();
        return (db, a, b, c, d) => compiled.GetOrAdd(db.GetType(), _ => compile())(db, a, b, c, d);
    }
}
