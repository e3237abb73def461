namespace ActorSockets.Hocon.Tests;

/// <summary>Spec section "Includes": include "x", file(), required(), relative paths and cycles.</summary>
public sealed class IncludeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hocon-include-" + Guid.NewGuid().ToString("N"));

    public IncludeTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Include_QuotedName_MergesFieldsAtThatPoint()
    {
        Write("base.conf", "a = 1\nb { x = 1 }");
        var main = Write("main.conf", "a = 0\ninclude \"base.conf\"\nb { y = 2 }");

        var config = ConfigFactory.ParseFile(main);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(1, config.GetInt("b.x"));
        Assert.Equal(2, config.GetInt("b.y"));
    }

    [Fact]
    public void Include_LaterField_OverridesIncluded()
    {
        Write("base.conf", "a = 1");
        var main = Write("main.conf", "include \"base.conf\"\na = 2");

        Assert.Equal(2, ConfigFactory.ParseFile(main).GetInt("a"));
    }

    [Fact]
    public void Include_FileAndRequiredForms_AllLoad()
    {
        Write("one.conf", "one = 1");
        Write("two.conf", "two = 2");
        Write("three.conf", "three = 3");
        var main = Write("main.conf", "include file(\"one.conf\")\ninclude required(\"two.conf\")\ninclude required(file(\"three.conf\"))");

        var config = ConfigFactory.ParseFile(main);

        Assert.Equal(1, config.GetInt("one"));
        Assert.Equal(2, config.GetInt("two"));
        Assert.Equal(3, config.GetInt("three"));
    }

    [Fact]
    public void Include_MissingOptional_Ignored()
    {
        var main = Write("main.conf", "include \"nothing.conf\"\na = 1");

        Assert.Equal(new[] { "a" }, ConfigFactory.ParseFile(main).Keys);
    }

    [Fact]
    public void Include_MissingRequired_ThrowsWithPosition()
    {
        var main = Write("main.conf", "a = 1\ninclude required(\"nothing.conf\")");

        var ex = Assert.Throws<HoconParseException>(() => ConfigFactory.ParseFile(main));

        Assert.Contains("nothing.conf", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Line);
        Assert.Equal(main, ex.File);
    }

    [Fact]
    public void Include_NestedRelativeName_ResolvesFromIncludingFile()
    {
        Write("sub/inner.conf", "include \"leaf.conf\"\ninner = 1");
        Write("sub/leaf.conf", "leaf = 2");
        Write("leaf.conf", "leaf = wrong");
        var main = Write("main.conf", "include \"sub/inner.conf\"");

        var config = ConfigFactory.ParseFile(main);

        Assert.Equal(2, config.GetInt("leaf"));
        Assert.Equal(1, config.GetInt("inner"));
    }

    [Fact]
    public void Include_InsideObject_NestsFieldsAndRelativizesSubstitutions()
    {
        Write("part.conf", "port = 1\naddress = \"h:\"${port}\nlist += x");
        var main = Write("main.conf", "server { include \"part.conf\"\n port = 2 }");

        var config = ConfigFactory.ParseFile(main);

        Assert.Equal("h:2", config.GetString("server.address"));
        Assert.Equal(new[] { "x" }, config.GetStringList("server.list"));
        Assert.False(config.HasPath("port"));
    }

    [Fact]
    public void SpecExample_IncludedSubstitutionFixedUp_SeesRedefinition()
    {
        Write("foo.conf", "{ x : 10, y : ${x} }");
        var main = Write("main.conf", "{\n a : { include \"foo.conf\" }\n a : { x : 42 }\n}");

        Assert.Equal(42, ConfigFactory.ParseFile(main).GetInt("a.y"));
    }

    [Fact]
    public void Include_SubstitutionToApplicationRoot_FallsBackToOriginalPath()
    {
        Write("part.conf", "timeout = ${defaults.timeout}");
        var main = Write("main.conf", "defaults.timeout = 3s\nsection { include \"part.conf\" }");

        Assert.Equal(TimeSpan.FromSeconds(3), ConfigFactory.ParseFile(main).GetTimeSpan("section.timeout"));
    }

    [Fact]
    public void Include_NewlinesBeforeName_Allowed()
    {
        Write("one.conf", "one = 1");
        var main = Write("main.conf", "include\n\n  \"one.conf\"\ntwo = 2");

        Assert.Equal(1, ConfigFactory.ParseFile(main).GetInt("one"));
    }

    [Fact]
    public void Include_JsonFileWithoutExtension_Found()
    {
        Write("data.json", "{ \"j\": [1, 2] }");
        var main = Write("main.conf", "include \"data\"");

        Assert.Equal([1, 2], ConfigFactory.ParseFile(main).GetIntList("j"));
    }

    [Fact]
    public void Include_FileWithArrayRoot_Throws()
    {
        Write("list.conf", "[1, 2]");
        var main = Write("main.conf", "include \"list.conf\"");

        var ex = Assert.Throws<HoconParseException>(() => ConfigFactory.ParseFile(main));

        Assert.Contains("must be an object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_Cycle_ThrowsNamingTheChain()
    {
        Write("a.conf", "include \"b.conf\"\na = 1");
        Write("b.conf", "include \"a.conf\"\nb = 1");

        var ex = Assert.Throws<HoconParseException>(() => ConfigFactory.ParseFile(Path.Combine(_dir, "a.conf")));

        Assert.Contains("include cycle", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a.conf -> ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_SelfInclude_IsCycle()
    {
        var main = Write("self.conf", "include \"self.conf\"");

        Assert.Throws<HoconParseException>(() => ConfigFactory.ParseFile(main));
    }

    [Fact]
    public void Include_ParseErrorInIncludedFile_NamesThatFile()
    {
        Write("bad.conf", "x = 1\ny = [");
        var main = Write("main.conf", "include \"bad.conf\"");

        var ex = Assert.Throws<HoconParseException>(() => ConfigFactory.ParseFile(main));

        Assert.EndsWith("bad.conf", ex.File, StringComparison.Ordinal);
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Include_WithoutExtension_FindsConfFile()
    {
        Write("defaults.conf", "d = 1");
        var main = Write("main.conf", "include \"defaults\"");

        Assert.Equal(1, ConfigFactory.ParseFile(main).GetInt("d"));
    }

    [Theory]
    [InlineData("include url(\"http://x\")", "not supported")]
    [InlineData("include file(\"x.conf\"", "closing ')'")]
    [InlineData("include nonsense(\"x.conf\")", "after key")]
    public void Include_BadForms_Throw(string text, string reason)
    {
        var main = Write("main.conf", text);

        var ex = Assert.Throws<HoconParseException>(() => ConfigFactory.ParseFile(main));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFile_Missing_ThrowsConfigException()
    {
        Assert.Throws<ConfigException>(() => ConfigFactory.ParseFile(Path.Combine(_dir, "none.conf")));
    }
}
