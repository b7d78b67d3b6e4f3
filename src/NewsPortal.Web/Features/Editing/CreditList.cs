namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// The article form's credit list buttons (add, move up, move down, remove), carried out on the posted
/// form without saving, so they work without script and by keyboard, and everything typed stays.
/// </summary>
public static class CreditList
{
    /// <summary>Rearranges <paramref name="form"/>'s credits; returns the index of the credit to focus, or -1 when the action makes no sense.</summary>
    public static int Rearrange(ArticleForm form)
    {
        var credits = form.Sources.Where(s => s.Role is not null && !string.IsNullOrWhiteSpace(s.Code)).ToList();
        var action = form.CreditAction ?? "";
        form.CreditAction = null;
        if (action == "add")
        {
            if (string.IsNullOrWhiteSpace(form.AddSourceCode))
            {
                form.Sources = credits;
                return -1;
            }

            credits.Add(new SourceCredit { Code = form.AddSourceCode.Trim(), Role = form.AddSourceRole });
            form.AddSourceCode = null;
            form.Sources = credits;
            return credits.Count - 1;
        }

        var parts = action.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= credits.Count)
        {
            form.Sources = credits;
            return -1;
        }

        var target = parts[0] switch
        {
            "up" when index > 0 => index - 1,
            "down" when index < credits.Count - 1 => index + 1,
            "remove" => index,
            _ => -1,
        };
        if (target < 0)
        {
            form.Sources = credits;
            return -1;
        }

        if (parts[0] == "remove")
        {
            credits.RemoveAt(index);
            form.Sources = credits;
            return Math.Min(index, credits.Count - 1);
        }

        (credits[index], credits[target]) = (credits[target], credits[index]);
        form.Sources = credits;
        return target;
    }
}
