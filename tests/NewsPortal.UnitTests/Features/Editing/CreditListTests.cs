using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.UnitTests.Features.Editing;

public class CreditListTests
{
    private static ArticleForm Form(string action, params string[] codes) => new()
    {
        CreditAction = action,
        Sources = [.. codes.Select(c => new SourceCredit { Code = c, Role = SourceRole.Reporting })],
    };

    private static string[] Codes(ArticleForm form) => [.. form.Sources.Select(s => s.Code)];

    [Fact]
    public void MoveUpSwapsWithThePreviousCreditAndFocusesTheMovedOne()
    {
        var form = Form("up:1", "afp", "ap", "tass");

        Assert.Equal(0, CreditList.Rearrange(form));
        Assert.Equal(["ap", "afp", "tass"], Codes(form));
        Assert.Null(form.CreditAction);
    }

    [Fact]
    public void MoveDownAndRemoveRearrangeTheList()
    {
        var down = Form("down:0", "afp", "ap");
        Assert.Equal(1, CreditList.Rearrange(down));
        Assert.Equal(["ap", "afp"], Codes(down));

        var remove = Form("remove:1", "afp", "ap", "tass");
        Assert.Equal(1, CreditList.Rearrange(remove));
        Assert.Equal(["afp", "tass"], Codes(remove));
    }

    [Fact]
    public void AddAppendsTheChosenSourceWithItsRole()
    {
        var form = Form("add", "afp");
        form.AddSourceCode = "tass";
        form.AddSourceRole = SourceRole.Photo;

        Assert.Equal(1, CreditList.Rearrange(form));
        Assert.Equal(["afp", "tass"], Codes(form));
        Assert.Equal(SourceRole.Photo, form.Sources[1].Role);
        Assert.Null(form.AddSourceCode);
    }

    [Theory]
    [InlineData("up:0")]
    [InlineData("down:1")]
    [InlineData("up:7")]
    [InlineData("up:-1")]
    [InlineData("sideways:0")]
    [InlineData("add")]
    public void AnImpossibleActionLeavesTheListAsItWas(string action)
    {
        var form = Form(action, "afp", "ap");

        Assert.Equal(-1, CreditList.Rearrange(form));
        Assert.Equal(["afp", "ap"], Codes(form));
    }
}
