using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace ActorSockets.Hocon.Tests;

/// <summary>
/// Randomized mutation test: valid configs are mutated (characters deleted, inserted, duplicated,
/// truncated) and fed to the parser. Parsing may only succeed or throw <see cref="HoconParseException"/>;
/// resolving a parsed config may only succeed or throw <see cref="ConfigException"/>; a resolved config
/// must render to text that parses back to the same rendering. Every case has a deadline, so a hang
/// fails the test instead of blocking it. Bounded in iterations and in time per seed.
/// </summary>
public class FuzzTests
{
    private const int FixedSeed = 20261121;
    private const int CasesPerSeed = 3000;
    private static readonly TimeSpan BudgetPerSeed = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan CaseDeadline = TimeSpan.FromSeconds(5);

    private static readonly string[] Corpus =
    [
        """
        # host config
        actorsockets {
          host { name = "socket-host", shutdown-timeout = 10s }
          endpoints = [
            { name = ok, transport = tcp, port = 8001, idle-timeout = 10 s }
            { name = welcome, port = 9998, prefix = "欢迎访问>>>>" }
          ]
          io.tcp { max-frame = 64k, write-queue = 1MiB, nodelay = on }
          chat { port = ${?CHAT_PORT}, max-nick = 24 }
        }
        """,
        """"
        a.b.c = 1
        a { d = [1, 2, 3], e = ${a.b.c} }
        path = "/bin"
        path = ${path}":/usr/bin"
        list = [x]
        list += y
        text = """multi
        line"""
        "quoted.key" = "esc \" \\ \u00e9 \t"
        concat = ${a.b.c} seconds and ${path}
        obj = ${a} { f = null }
        """",
        """
        { "json": { "nested": [ { "k": true }, { "k": false } ], "n": -1.5e3 }, "s": "x" }
        """,
        """
        include "not-there.conf"
        base { x = 1, y = [a, b] }
        derived = ${base}
        derived.y = ${base.y} [c]
        cycle-free = ${derived.x}
        ok = ${base} { port = 8001, address = ${ok.x}":"${ok.port} }
        server = ${base}
        server { url = ${server.x}"/v"${derived.x} }
        // comment
        z = ${?undefined.thing}
        """,
    ];

    private const string Alphabet = "{}[]\"$?:=,+#/.\\\n \tu0aZ-_!^`'()";

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int> { FixedSeed };
        var random = new Random();
        for (var i = 0; i < 3; i++)
        {
            data.Add(random.Next());
        }

        return data;
    }

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Corpus_EveryEntry_ParsesResolvesAndRoundTrips()
    {
        foreach (var text in Corpus)
        {
            var config = ConfigFactory.ParseString(text).Resolve();

            Assert.Equal((null, Stage.Resolved), RunCase(text));
            Assert.False(config.IsEmpty);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task MutatedConfig_OnlyParseOrConfigExceptions_NeverHangs(int seed)
    {
        _output.WriteLine($"fuzz seed {seed}");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var cases = 0;
        var parsed = 0;
        var resolved = 0;
        while (cases < CasesPerSeed && clock.Elapsed < BudgetPerSeed)
        {
            var text = Mutate(Corpus[random.Next(Corpus.Length)], random);
            cases++;
            Exception? unexpected;
            Stage stage;
            using var deadline = new CancellationTokenSource(CaseDeadline);
            try
            {
                (unexpected, stage) = await Task.Run(() => RunCase(text), deadline.Token).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                Assert.Fail($"seed {seed}, case {cases}: no result within {CaseDeadline} for input:\n{text}");
                return;
            }

            if (unexpected is not null)
            {
                Assert.Fail($"seed {seed}, case {cases}: unexpected {unexpected.GetType().Name}: {unexpected}\ninput:\n{text}");
            }

            parsed += stage >= Stage.Parsed ? 1 : 0;
            resolved += stage == Stage.Resolved ? 1 : 0;
        }

        _output.WriteLine($"{cases} cases in {clock.Elapsed}: {parsed} parsed, {resolved} resolved and round-tripped");
        Assert.True(cases > 0);
    }

    private enum Stage
    {
        Rejected,
        Parsed,
        Resolved,
    }

    /// <summary>Returns the first exception of a kind the contract does not allow (or null) and how far the input got.</summary>
    private static (Exception? Unexpected, Stage Stage) RunCase(string text)
    {
        Config config;
        try
        {
            config = ConfigFactory.ParseString(text);
        }
        catch (HoconParseException ex) when (ex.Line >= 1 && ex.Column >= 1)
        {
            return (null, Stage.Rejected);
        }
        catch (Exception ex)
        {
            return (ex, Stage.Rejected);
        }

        string rendered;
        try
        {
            rendered = config.Resolve().Render();
        }
        catch (ConfigException)
        {
            return (null, Stage.Parsed);
        }
        catch (Exception ex)
        {
            return (ex, Stage.Parsed);
        }

        try
        {
            var again = ConfigFactory.ParseString(rendered).Render();
            return (again == rendered ? null : new InvalidOperationException($"render round trip differs:\n{rendered}\n---\n{again}"), Stage.Resolved);
        }
        catch (Exception ex)
        {
            return (new InvalidOperationException("rendered config does not parse back:\n" + rendered, ex), Stage.Resolved);
        }
    }

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        var mutations = 1 + random.Next(4);
        for (var i = 0; i < mutations && sb.Length > 0; i++)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(6))
            {
                case 0:
                    sb.Remove(at, Math.Min(1 + random.Next(6), sb.Length - at));
                    break;
                case 1:
                    sb.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    sb[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    var length = Math.Min(1 + random.Next(20), sb.Length - at);
                    sb.Insert(random.Next(sb.Length), sb.ToString(at, length));
                    break;
                case 4:
                    sb.Length = at;
                    break;
                default:
                    sb.Insert(at, (char)random.Next(0x20, 0xD7FF));
                    break;
            }
        }

        return sb.ToString();
    }
}
