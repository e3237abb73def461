using System.Globalization;
using System.Text;

namespace ActorSockets.Benchmarks.Hocon;

/// <summary>
/// Deterministic benchmark inputs: a ~1 MB generated HOCON config using every common construct,
/// an equivalent JSON document for the baseline, and a realistic ~60-line host config.
/// </summary>
internal static class HoconInputs
{
    public const int TargetBytes = 1_000_000;

    public static readonly Lazy<string> LargeHocon = new(GenerateHocon);
    public static readonly Lazy<string> LargeJson = new(GenerateJson);

    public static int SectionCount(string text) => text.Split("section-").Length - 1;

    /// <summary>
    /// The host's real layered config, read from the repository: <c>hocon/actorsockets.conf</c> and every
    /// <c>src/*/reference.conf</c>, highest priority first. Empty when the repository cannot be found.
    /// </summary>
    public static readonly Lazy<IReadOnlyList<(string Name, string Text)>> HostLayers = new(FindHostLayers);

    private static IReadOnlyList<(string Name, string Text)> FindHostLayers()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "ActorSockets.sln")))
            {
                continue;
            }

            var layers = new List<(string, string)>();
            var application = Path.Combine(dir.FullName, "hocon", "actorsockets.conf");
            if (File.Exists(application))
            {
                layers.Add((application, File.ReadAllText(application)));
            }

            foreach (var reference in Directory.GetFiles(Path.Combine(dir.FullName, "src"), "reference.conf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                layers.Add((reference, File.ReadAllText(reference)));
            }

            return layers;
        }

        return [];
    }

    private static string GenerateHocon()
    {
        var sb = new StringBuilder(TargetBytes + 1024);
        sb.Append("# Generated benchmark config\nroot-value = 1\n");
        for (var i = 0; sb.Length < TargetBytes; i++)
        {
            var c = CultureInfo.InvariantCulture;
            sb.Append(c, $$"""
                # section {{i}}: every common construct once
                section-{{i}} {
                  name = "section number {{i}}"
                  enabled = {{(i % 2 == 0 ? "true" : "off")}}
                  port = {{8000 + (i % 1000)}}
                  timeout = {{i % 60}}s
                  buffer-size = {{i % 64 + 1}}k
                  ratio = 0.{{i % 100}}
                  tags = [alpha, "beta gamma", {{i}}]
                  nested.deep.value = {{i}}
                  endpoint { host = "127.0.0.1", port = ${section-{{i}}.port} }
                  description = unquoted text with spaces {{i}} // trailing comment
                  escaped = "tab\there \u00e9 \"quoted\""
                }

                """);
        }

        return sb.ToString();
    }

    private static string GenerateJson()
    {
        var sb = new StringBuilder(TargetBytes + 1024);
        sb.Append("{\n  \"root-value\": 1");
        for (var i = 0; sb.Length < TargetBytes; i++)
        {
            var c = CultureInfo.InvariantCulture;
            sb.Append(c, $$"""
                ,
                  "section-{{i}}": {
                    "name": "section number {{i}}",
                    "enabled": {{(i % 2 == 0 ? "true" : "false")}},
                    "port": {{8000 + (i % 1000)}},
                    "timeout": "{{i % 60}}s",
                    "buffer-size": "{{i % 64 + 1}}k",
                    "ratio": 0.{{i % 100}},
                    "tags": ["alpha", "beta gamma", {{i}}],
                    "nested": { "deep": { "value": {{i}} } },
                    "endpoint": { "host": "127.0.0.1", "port": {{8000 + (i % 1000)}} },
                    "description": "unquoted text with spaces {{i}}",
                    "escaped": "tab\there \u00e9 \"quoted\""
                  }
                """);
        }

        sb.Append("\n}\n");
        return sb.ToString();
    }

    /// <summary>A host config of the size and shape the ActorSockets host reads at startup.</summary>
    public const string SmallHostConfig = """
        # ActorSockets host configuration
        actorsockets {
          host {
            # Name shown in logs and the console prompt.
            name = "actorsockets-host"
            # How long coordinated shutdown waits for each phase.
            shutdown-timeout = 10s
            bind-address = "0.0.0.0"
          }

          logging {
            level = Information
            file = "logs/host.log"
            rolling = day
          }

          io.tcp {
            register-timeout = 5s
            max-frame-size = 64k
            write-queue-limit = 1MiB
            receive-buffer-size = 64k
            no-delay = on
            reuse-address = yes
          }

          io.udp {
            max-datagram-size = 8k
          }

          endpoints {
            ok       { transport = tcp, host = ${actorsockets.host.bind-address}, port = 8001, idle-timeout = 10s, enabled = true }
            welcome  { transport = tcp, port = 9998, prefix = "欢迎访问>>>>", enabled = true }
            greeting { transport = tcp, port = 6666, enabled = true }
            clock    { transport = tcp, port = 65533, format = "yyyy-MM-dd HH:mm:ss", enabled = true }
            hi       { transport = tcp, port = 8898, enabled = true }
            udp-hi   { transport = udp, port = 9000, enabled = true }
            udp-time { transport = udp, port = 9001, default-format = "%Y-%m-%d %X", enabled = true }
            chat     { transport = tcp, port = 7000, enabled = true }
          }

          chat {
            rooms = [lobby, random]
            default-room = random
            max-nick-length = 24
            outbound-queue-limit = 256
            idle-timeout = infinite
            greeting = "Welcome! Type /help for commands."
          }

          dispatcher {
            throughput = 30
            mailbox-capacity = 10000
          }
        }
        actorsockets.chat.default-room = lobby
        actorsockets.endpoints.ok.port = ${?OK_PORT}
        """;
}
