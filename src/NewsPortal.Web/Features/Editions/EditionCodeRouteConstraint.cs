using System.Globalization;

namespace NewsPortal.Web.Features.Editions;

/// <summary>Matches route values shaped like a BCP 47 tag; whether the edition exists is checked later (404).</summary>
internal sealed class EditionCodeRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Domain.Edition.IsWellFormedCode(Convert.ToString(value, CultureInfo.InvariantCulture));
}
