using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Hybrid;

namespace Safeguarding.Gateway.Caching;

/// <summary>Cached answers are protobuf messages: stored in their wire form, not as JSON.</summary>
internal sealed class ProtobufCacheSerializerFactory : IHybridCacheSerializerFactory
{
    public bool TryCreateSerializer<T>([NotNullWhen(true)] out IHybridCacheSerializer<T>? serializer)
    {
        if (typeof(IMessage<>).MakeGenericType(typeof(T)).IsAssignableFrom(typeof(T)))
        {
            serializer = (IHybridCacheSerializer<T>)Activator.CreateInstance(typeof(ProtobufCacheSerializer<>).MakeGenericType(typeof(T)))!;
            return true;
        }

        serializer = null;
        return false;
    }
}

internal sealed class ProtobufCacheSerializer<T> : IHybridCacheSerializer<T>
    where T : IMessage<T>, new()
{
    private static readonly MessageParser<T> Parser = new(() => new T());

    public T Deserialize(ReadOnlySequence<byte> source) => Parser.ParseFrom(source);

    public void Serialize(T value, IBufferWriter<byte> target) => value.WriteTo(target);
}
