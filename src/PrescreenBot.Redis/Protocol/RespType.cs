namespace PrescreenBot.Redis.Protocol;

/// <summary>The kind of a RESP reply. RESP2 kinds first; the RESP3 ones are parsed for completeness.</summary>
public enum RespType : byte
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
    Null,
    Double,
    Boolean,
    BigNumber,
    VerbatimString,
    Map,
    Set,
    Push,
}
