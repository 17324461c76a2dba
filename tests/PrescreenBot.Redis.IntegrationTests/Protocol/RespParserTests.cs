using System.Buffers;
using System.Text;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.IntegrationTests.Protocol;

/// <summary>The parser on its own, fed replies cut at every possible byte, as a socket may deliver them.</summary>
public sealed class RespParserTests
{
    private const string Nested = "*4\r\n:42\r\n$5\r\na\r\nbc\r\n*2\r\n$-1\r\n-ERR inner\r\n*-1\r\n";

    [Fact]
    public void TryParse_NestedReplyCutAtEveryByte_IncompleteUntilTheLastByteThenExact()
    {
        var bytes = Encoding.ASCII.GetBytes(Nested);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, cut));
            RespParser.TryParse(ref reader, out _).Should().BeFalse($"only {cut} of {bytes.Length} bytes arrived");
        }

        var full = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        RespParser.TryParse(ref full, out var value).Should().BeTrue();
        full.Remaining.Should().Be(0);
        value.Items[0].Integer.Should().Be(42);
        value.Items[1].ToString().Should().Be("a\r\nbc");
        value.Items[2].Items[0].IsNull.Should().BeTrue();
        value.Items[2].Items[1].IsError.Should().BeTrue();
        value.Items[3].IsNull.Should().BeTrue();
    }

    [Fact]
    public void TryParse_ReplySpreadOverOneByteSegments_ParsesTheSame()
    {
        var reader = new SequenceReader<byte>(Segmented(Encoding.ASCII.GetBytes(Nested + "+OK\r\n"), segmentSize: 1));

        RespParser.TryParse(ref reader, out var first).Should().BeTrue();
        RespParser.TryParse(ref reader, out var second).Should().BeTrue();

        first.Items[1].ToString().Should().Be("a\r\nbc");
        second.ToString().Should().Be("OK");
        reader.Remaining.Should().Be(0);
    }

    [Theory]
    [InlineData("_\r\n", RespType.Null)]
    [InlineData("#t\r\n", RespType.Boolean)]
    [InlineData(",3.5\r\n", RespType.Double)]
    [InlineData("%1\r\n+k\r\n:1\r\n", RespType.Map)]
    [InlineData(">2\r\n+message\r\n+x\r\n", RespType.Push)]
    [InlineData("(12345678901234567890\r\n", RespType.BigNumber)]
    public void TryParse_Resp3Kinds_AreRecognised(string wire, RespType expected)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(wire)));

        RespParser.TryParse(ref reader, out var value).Should().BeTrue();

        value.Type.Should().Be(expected);
    }

    [Theory]
    [InlineData("?what\r\n")]
    [InlineData("$3\r\nabcXY")]
    [InlineData(":12x\r\n")]
    [InlineData("$-5\r\n")]
    public void TryParse_MalformedInput_ThrowsInvalidData(string wire)
    {
        var act = () =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(wire)));
            return RespParser.TryParse(ref reader, out _);
        };

        act.Should().Throw<InvalidDataException>();
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentSize)
    {
        Segment? first = null;
        Segment? last = null;
        for (var at = 0; at < bytes.Length; at += segmentSize)
        {
            var chunk = bytes.AsMemory(at, Math.Min(segmentSize, bytes.Length - at));
            if (last is null)
            {
                first = last = new Segment(chunk, 0);
            }
            else
            {
                last = last.Append(chunk);
            }
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
