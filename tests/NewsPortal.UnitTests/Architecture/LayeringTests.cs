using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace NewsPortal.UnitTests.Architecture;

/// <summary>
/// The layers of the web assembly, read from its compiled types: what each type's signatures (base type,
/// interfaces, fields, properties, constructor and method parameters and return types, generic arguments,
/// attributes) and method bodies (every type, field, method and constructor the IL touches) refer to.
/// Constants are copied into their callers by the compiler and cannot be seen; everything else can.
/// </summary>
public class LayeringTests
{
    private const string Root = "NewsPortal.Web";
    private static readonly Assembly Web = typeof(NewsPortal.Web.Domain.Article).Assembly;

    /// <summary>
    /// Types in <c>Hosting</c> that are composition without being static extension classes.
    /// The options adapter lives inside <c>ConfigurationExtensions</c> and exists only to register options.
    /// </summary>
    private static readonly HashSet<string> HostingExceptions =
    [
        "NewsPortal.Web.Hosting.ConfigurationExtensions+MonitoredOptions`1",
    ];

    [Fact]
    public void DataDoesNotDependOnFeatures() =>
        AssertNoArrow(Layer("Data"), Layer("Features"));

    /// <summary>The Markdown renderer and the picture processing serve Data (the seeder) and Features alike, so they know neither.</summary>
    [Fact]
    public void ContentDoesNotDependOnFeatures() =>
        AssertNoArrow(Layer("Content"), Layer("Features"));

    [Fact]
    public void FeaturesDoNotDependOnHosting() =>
        AssertNoArrow(Layer("Features"), Layer("Hosting"));

    [Fact]
    public void HostingHoldsOnlyComposition()
    {
        var offenders = TypesIn(Layer("Hosting"))
            .Where(t => !IsCompilerGenerated(t) && !IsExtensionClass(t) && !HostingExceptions.Contains(t.FullName!))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, "Hosting holds more than composition (static extension classes): " + string.Join(", ", offenders));
    }

    private static string Layer(string name) => Root + "." + name;

    private static void AssertNoArrow(string from, string to)
    {
        var arrows = TypesIn(from)
            .SelectMany(t => ReferencedTypes(t).Where(r => InLayer(r, to)).Select(r => $"{OuterType(t).FullName} -> {r.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(arrows.Count == 0, $"{from} must not depend on {to}:{Environment.NewLine}" + string.Join(Environment.NewLine, arrows));
    }

    private static IEnumerable<Type> TypesIn(string layer) =>
        Web.GetTypes().Where(t => InLayer(OuterType(t), layer));

    private static bool InLayer(Type type, string layer) =>
        type.Namespace is { } ns && (ns == layer || ns.StartsWith(layer + ".", StringComparison.Ordinal));

    private static Type OuterType(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || type.Name.Contains('<', StringComparison.Ordinal)
        || (type.DeclaringType is { } outer && IsCompilerGenerated(outer));

    private static bool IsExtensionClass(Type type) =>
        type is { IsAbstract: true, IsSealed: true, IsNested: false }
        && type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Any(m => m.IsDefined(typeof(ExtensionAttribute), inherit: false));

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static HashSet<Type> ReferencedTypes(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter)
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }

            if (!found.Add(t))
            {
                return;
            }

            if (t.IsGenericType)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        void AddAttributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType);
                foreach (var value in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
                {
                    Add(value.ArgumentType);
                    if (value.Value is Type typeValue)
                    {
                        Add(typeValue);
                    }
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        AddAttributes(type.CustomAttributes);
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
            AddAttributes(field.CustomAttributes);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
            AddAttributes(property.CustomAttributes);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            AddAttributes(method.CustomAttributes);
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
                AddAttributes(parameter.CustomAttributes);
            }

            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
            {
                Add(local.LocalType);
            }

            foreach (var used in TypesUsedByBody(method))
            {
                Add(used);
            }
        }

        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types whose members or tokens a method's IL uses (calls, field loads, casts, <c>typeof</c>, <c>new</c>).</summary>
    private static IEnumerable<Type> TypesUsedByBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            if (!OpCodesByValue.TryGetValue(value, out var code))
            {
                yield break;
            }

            switch (code.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    MemberInfo? member;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        member = null;
                    }

                    switch (member)
                    {
                        case Type t:
                            yield return t;
                            break;
                        case FieldInfo f:
                            yield return f.DeclaringType!;
                            yield return f.FieldType;
                            break;
                        case MethodBase m:
                            yield return m.DeclaringType!;
                            if (m is MethodInfo mi)
                            {
                                yield return mi.ReturnType;
                                foreach (var argument in mi.IsGenericMethod ? mi.GetGenericArguments() : [])
                                {
                                    yield return argument;
                                }
                            }

                            foreach (var parameter in m.GetParameters())
                            {
                                yield return parameter.ParameterType;
                            }

                            break;
                    }

                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }
}
