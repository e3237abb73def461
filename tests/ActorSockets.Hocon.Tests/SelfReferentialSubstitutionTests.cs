namespace ActorSockets.Hocon.Tests;

/// <summary>Spec sections "Self-Referential Substitutions" and "The += field separator", and references into a field while it is defined.</summary>
public class SelfReferentialSubstitutionTests
{
    [Fact]
    public void SelfReference_AloneWithoutEarlierValue_Throws()
    {
        var config = ConfigFactory.ParseString("a = ${a}");

        Assert.Throws<ConfigException>(() => config.Resolve());
    }

    [Fact]
    public void SelfReference_SpecPathExample_AppendsToEarlierValue()
    {
        var config = ConfigFactory.ParseString("path = \"/bin\"\npath = ${path}\":/usr/bin\"\npath = ${path} \":/more\"");

        Assert.Equal("/bin:/usr/bin :/more", config.GetString("path"));
    }

    [Fact]
    public void SelfReference_ListConcatenation_AppendsToEarlierList()
    {
        var config = ConfigFactory.ParseString("a = [1]\na = ${a} [2]\na = ${a} [3]");

        Assert.Equal([1, 2, 3], config.GetIntList("a"));
    }

    [Fact]
    public void SelfReference_InsideObject_SeesEarlierFieldValue()
    {
        var config = ConfigFactory.ParseString("foo { a = 1, list = [x] }\nfoo { a = ${foo.a}0, list = ${foo.list} [y] }");

        Assert.Equal(10, config.GetInt("foo.a"));
        Assert.Equal(new[] { "x", "y" }, config.GetStringList("foo.list"));
    }

    [Fact]
    public void SelfReference_ObjectConcatenation_ExtendsEarlierObject()
    {
        var config = ConfigFactory.ParseString("bar { a = 1 }\nbar = ${bar} { b = 2 }");

        Assert.Equal(1, config.GetInt("bar.a"));
        Assert.Equal(2, config.GetInt("bar.b"));
    }

    [Fact]
    public void SelfReference_AcrossFallback_SeesFallbackValue()
    {
        var config = ConfigFactory.ParseString("path = ${path}\":/app\"")
            .WithFallback(ConfigFactory.ParseString("path = /ref"));

        Assert.Equal("/ref:/app", config.GetString("path"));
    }

    [Fact]
    public void SelfReference_OtherFields_SeeFinalValue()
    {
        var config = ConfigFactory.ParseString("a = x\na = ${a}y\nb = ${a}");

        Assert.Equal("xy", config.GetString("b"));
    }

    [Fact]
    public void PlusEquals_ExistingList_Appends()
    {
        var config = ConfigFactory.ParseString("a = [1]\na += 2\na += 3");

        Assert.Equal([1, 2, 3], config.GetIntList("a"));
    }

    [Fact]
    public void PlusEquals_WithoutEarlierValue_StartsList()
    {
        var config = ConfigFactory.ParseString("x { list += one }\nx { list += two }");

        Assert.Equal(new[] { "one", "two" }, config.GetStringList("x.list"));
    }

    [Fact]
    public void PlusEquals_ListInFallback_Appends()
    {
        var config = ConfigFactory.ParseString("list += c")
            .WithFallback(ConfigFactory.ParseString("list = [a, b]"));

        Assert.Equal(new[] { "a", "b", "c" }, config.GetStringList("list"));
    }

    [Fact]
    public void SpecExample_SelfReferenceThroughPathExpression_SeesValueBelow()
    {
        var config = ConfigFactory.ParseString("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");

        Assert.Equal(2, config.GetInt("foo.a"));
        Assert.Equal(1, config.GetInt("foo.c"));
    }

    [Fact]
    public void SpecExample_OptionalSelfReferenceInConcatenation_LooksBackToNothing()
    {
        var config = ConfigFactory.ParseString("a = ${?a}foo");

        Assert.Equal("foo", config.GetString("a"));
    }

    [Fact]
    public void SpecExample_HiddenSubstitution_NeverEvaluated()
    {
        var config = ConfigFactory.ParseString("foo : ${does-not-exist}\nfoo : 42\nbar : ${bar}\nbar : 1");

        Assert.Equal(42, config.GetInt("foo"));
        Assert.Equal(1, config.GetInt("bar"));
    }

    [Fact]
    public void SpecExample_SelfReferenceBeforeAnyValue_IsUndefined()
    {
        Assert.Throws<ConfigException>(() => ConfigFactory.ParseString("foo : ${foo}\nfoo : { a : 1 }").Resolve());
        Assert.Equal(1, ConfigFactory.ParseString("foo : ${?foo}\nfoo : { a : 1 }").GetInt("foo.a"));
    }

    [Fact]
    public void MergedObject_ReferenceToSibling_Resolves()
    {
        var config = ConfigFactory.ParseString("""
            defaults { host = h, port = 1 }
            server = ${defaults}
            server { port = 2, url = ${server.host}":"${server.port} }
            """);

        Assert.Equal("h:2", config.GetString("server.url"));
    }

    [Fact]
    public void ConcatenatedObject_ReferenceToSibling_Resolves()
    {
        var config = ConfigFactory.ParseString("""
            defaults { host = h }
            ok = ${defaults} { port = 8001, address = ${ok.host}":"${ok.port} }
            """);

        Assert.Equal("h:8001", config.GetString("ok.address"));
    }

    [Fact]
    public void MergedObject_SiblingInSameDefinition_WinsOverEarlier()
    {
        var config = ConfigFactory.ParseString("base { z = 1 }\na = ${base}\na { z = 2, y = ${a.z} }");

        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void MergedObject_SiblingDefinedLater_WinsOverEarlier()
    {
        var config = ConfigFactory.ParseString("base { z = 1 }\na = ${base}\na { y = ${a.z} }\na { z = 5 }");

        Assert.Equal(5, config.GetInt("a.y"));
        Assert.Equal(5, config.GetInt("a.z"));
    }

    [Fact]
    public void SiblingsReferringToEachOther_InsideMerge_IsCycle()
    {
        var config = ConfigFactory.ParseString("base { }\na = ${base}\na { y = ${a.z}, z = ${a.y} }");

        var ex = Assert.Throws<ConfigException>(() => config.Resolve());

        Assert.Contains("Cycle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConcatenatedObject_ReferenceIntoItself_ThrowsInsteadOfRecursing()
    {
        var config = ConfigFactory.ParseString("ok = ${ok.b} { a = ${ok.c} }");

        Assert.Throws<ConfigException>(() => config.Resolve());
    }

    [Fact]
    public void MergedObject_AppendInside_UsesEarlierDefinition()
    {
        var config = ConfigFactory.ParseString("base { list = [1, 2] }\na = ${base}\na { list += 3 }");

        Assert.Equal([1, 2, 3], config.GetIntList("a.list"));
    }
}
