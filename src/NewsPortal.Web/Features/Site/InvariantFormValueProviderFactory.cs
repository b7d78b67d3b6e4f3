using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace NewsPortal.Web.Features.Site;

/// <summary>
/// Reads posted form fields in the invariant culture, as browsers send them: a number field posts "0.5" and a
/// date field "2026-11-28T14:00" whatever the page's language. (MVC's own form provider parses with the request
/// culture, so a person using a Russian or Persian interface would have "0.5" refused.) Text fields are not
/// affected; the interface language stays the person's.
/// </summary>
public sealed class InvariantFormValueProviderFactory : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.ActionContext.HttpContext.Request;
        if (!request.HasFormContentType)
        {
            return;
        }

        // As MVC's own provider: a form that cannot be read is a bad request (400), not a server error.
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.ActionContext.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new ValueProviderException("The posted form could not be read: " + ex.Message, ex);
        }

        context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
    }

    /// <summary>Puts this factory where MVC's culture-bound form provider was.</summary>
    public static void ReplaceIn(IList<IValueProviderFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        var index = factories.IndexOf(factories.First(f => f is FormValueProviderFactory));
        factories[index] = new InvariantFormValueProviderFactory();
    }
}
