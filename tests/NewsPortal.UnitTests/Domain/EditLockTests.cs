using NewsPortal.Web.Domain;

namespace NewsPortal.UnitTests.Domain;

public class EditLockTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 2, 0, DateTimeKind.Utc);

    [Fact]
    public void ALockWithoutHeartbeatLastsTwentyMinutesFromTheLastOpenOrSave()
    {
        var held = new EditLock(1, "ana", "Ana", Now);

        Assert.True(held.IsActiveAt(Now.AddMinutes(19)));
        Assert.False(held.IsActiveAt(Now.AddMinutes(20)));
        held.Seen(Now.AddMinutes(15), heartbeat: false);
        Assert.True(held.IsActiveAt(Now.AddMinutes(34)));
    }

    [Fact]
    public void OnceTheFormBeatsTheLockEndsNinetySecondsAfterTheLastBeat()
    {
        var held = new EditLock(1, "ana", "Ana", Now);
        held.Seen(Now.AddSeconds(30), heartbeat: true);

        Assert.True(held.IsActiveAt(Now.AddSeconds(119)));
        Assert.False(held.IsActiveAt(Now.AddSeconds(120)));
    }

    [Fact]
    public void TakingOverRemembersWhomToTellUntilTheyOpenTheArticleAgain()
    {
        var held = new EditLock(1, "ana", "Ana", Now);
        held.TakeOver("bob", "Bob", Now.AddMinutes(3));

        Assert.True(held.IsHeldBy("bob"));
        Assert.Equal(("ana", "Ana", Now.AddMinutes(3)), (held.DisplacedId, held.DisplacedName, held.TakenOverAt));
        Assert.Equal(Now.AddMinutes(3), held.Since);

        // Someone else claiming the expired lock does not forget her; she does, by claiming it herself.
        held.Claim("carol", "Carol", Now.AddHours(1));
        Assert.Equal("ana", held.DisplacedId);
        held.Claim("ana", "Ana", Now.AddHours(2));
        Assert.Null(held.DisplacedId);
    }

    [Fact]
    public void ExpiringEndsTheLockAtOnceAndKeepsWhomToTell()
    {
        var held = new EditLock(1, "ana", "Ana", Now);
        held.TakeOver("bob", "Bob", Now.AddMinutes(1));
        held.Expire(Now.AddMinutes(2));

        Assert.False(held.IsActiveAt(Now.AddMinutes(2)));
        Assert.Equal("ana", held.DisplacedId);
    }
}
