namespace NewsPortal.Web.Features.Reading;

/// <summary>
/// Marks a reader action whose 200 answers to GET are reads of the article its <c>id</c> route value names
/// (<see cref="ReadCountingMiddleware"/>): the article page and its text-only page.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CountsReadsAttribute : Attribute;
