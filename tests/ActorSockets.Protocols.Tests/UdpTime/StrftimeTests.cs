using ActorSockets.Protocols.UdpTime;

namespace ActorSockets.Protocols.Tests.UdpTime;

public class StrftimeTests
{
    // Every conversion, separated by '|'; the expected strings are glibc's output in the C locale
    // (Python's time.strftime on Linux) for the same clock fields.
    private const string AllConversions =
        "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%k|%l|%m|%M|%p|%P|%r|%R|%S|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%-d|%_m|%^a|%-I|%Ey|%Q|%";

    [Theory]
    [InlineData(2026, 11, 21, 9, 5, 3, "Sat|Saturday|Nov|November|Sat Nov 21 09:05:03 2026|20|21|11/21/26|21|2026-11-21|26|2026|Nov|09|09|325| 9| 9|11|05|AM|am|09:05:03 AM|09:05|03|09:05:03|6|46|47|6|46|11/21/26|09:05:03|26|2026|21|11|SAT|9|26|%Q|%")]
    [InlineData(2021, 1, 3, 0, 0, 0, "Sun|Sunday|Jan|January|Sun Jan  3 00:00:00 2021|20|03|01/03/21| 3|2021-01-03|20|2020|Jan|00|12|003| 0|12|01|00|AM|am|12:00:00 AM|00:00|00|00:00:00|7|01|53|0|00|01/03/21|00:00:00|21|2021|3| 1|SUN|12|21|%Q|%")]
    [InlineData(2024, 12, 30, 23, 59, 59, "Mon|Monday|Dec|December|Mon Dec 30 23:59:59 2024|20|30|12/30/24|30|2024-12-30|25|2025|Dec|23|11|365|23|11|12|59|PM|pm|11:59:59 PM|23:59|59|23:59:59|1|52|01|1|53|12/30/24|23:59:59|24|2024|30|12|MON|11|24|%Q|%")]
    [InlineData(2026, 1, 1, 12, 0, 0, "Thu|Thursday|Jan|January|Thu Jan  1 12:00:00 2026|20|01|01/01/26| 1|2026-01-01|26|2026|Jan|12|12|001|12|12|01|00|PM|pm|12:00:00 PM|12:00|00|12:00:00|4|00|01|4|00|01/01/26|12:00:00|26|2026|1| 1|THU|12|26|%Q|%")]
    [InlineData(2000, 2, 29, 13, 7, 9, "Tue|Tuesday|Feb|February|Tue Feb 29 13:07:09 2000|20|29|02/29/00|29|2000-02-29|00|2000|Feb|13|01|060|13| 1|02|07|PM|pm|01:07:09 PM|13:07|09|13:07:09|2|09|09|2|09|02/29/00|13:07:09|00|2000|29| 2|TUE|1|00|%Q|%")]
    public void Format_EveryConversion_MatchesGlibcCLocale(int year, int month, int day, int hour, int minute, int second, string expected)
    {
        var time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        Assert.Equal(expected, Strftime.Format(AllConversions, time));
    }

    [Fact]
    public void Format_DefaultFormat_IsDateAndPosixTime()
    {
        var time = new DateTimeOffset(2026, 11, 21, 9, 5, 3, TimeSpan.FromHours(8));
        Assert.Equal("2026-11-21 09:05:03", Strftime.Format(Strftime.DefaultFormat, time));
    }

    [Fact]
    public void Format_OffsetAndEpoch_UseTheOffset()
    {
        var time = new DateTimeOffset(2026, 11, 21, 9, 5, 3, TimeSpan.FromHours(8));
        Assert.Equal("+0800|+08|1795223103", Strftime.Format("%z|%Z|%s", time));
        var india = new DateTimeOffset(2026, 11, 21, 9, 5, 3, new TimeSpan(5, 30, 0));
        Assert.Equal("+0530|+0530", Strftime.Format("%z|%Z", india));
        var newfoundland = new DateTimeOffset(2026, 11, 21, 9, 5, 3, new TimeSpan(-3, -30, 0));
        Assert.Equal("-0330|-0330", Strftime.Format("%z|%Z", newfoundland));
        Assert.Equal("+0000|UTC", Strftime.Format("%z|%Z", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Format_ExplicitZoneName_IsUsedForZ()
    {
        var time = new DateTimeOffset(2026, 11, 21, 9, 5, 3, TimeSpan.FromHours(8));
        Assert.Equal("09:05 CST", Strftime.Format("%H:%M %Z", time, zoneName: "CST"));
    }

    [Fact]
    public void Format_PercentNAndT_AreNewlineAndTab()
    {
        Assert.Equal("a\nb\tc%", Strftime.Format("a%nb%tc%%", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Format_LiteralTextAndUnicode_PassThrough()
    {
        var time = new DateTimeOffset(2026, 11, 21, 9, 5, 3, TimeSpan.Zero);
        Assert.Equal("今天是 2026年11月21日 😀", Strftime.Format("今天是 %Y年%m月%d日 😀", time));
    }

    [Fact]
    public void Format_UnknownConversionWithFlags_CopiedLiterally()
    {
        Assert.Equal("%-Q %_ %", Strftime.Format("%-Q %_ %", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Format_ZeroFlag_PadsSpacePaddedFieldsWithZeros()
    {
        var time = new DateTimeOffset(2026, 1, 3, 4, 0, 0, TimeSpan.Zero);
        Assert.Equal("03|04|3", Strftime.Format("%0e|%0k|%-e", time));
    }

    [Fact]
    public void Format_HugeFormat_OutputBoundedByMaxLength()
    {
        var format = string.Concat(Enumerable.Repeat("%c", 100_000));
        var text = Strftime.Format(format, DateTimeOffset.UnixEpoch, maxLength: 1000);
        Assert.Equal(1000, text.Length);
        Assert.StartsWith("Thu Jan  1 00:00:00 1970Thu", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_TruncationNeverSplitsSurrogatePair()
    {
        var text = Strftime.Format("ab😀", DateTimeOffset.UnixEpoch, maxLength: 3);
        Assert.Equal("ab", text);
    }

    [Fact]
    public void Format_EmptyFormat_IsEmpty()
    {
        Assert.Equal(string.Empty, Strftime.Format(string.Empty, DateTimeOffset.UnixEpoch));
    }
}
