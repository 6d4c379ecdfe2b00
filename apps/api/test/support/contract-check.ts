import {
  DefinitionNode,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  print,
} from 'graphql';

/**
 * Every type, field, argument and enum value the contract names must be in the live
 * schema with the same type and nullability. Arguments and input fields the live schema
 * adds must be optional, or existing clients would break.
 */
export function contractProblems(contractSdl: string, live: GraphQLSchema): string[] {
  const problems: string[] = [];
  const defs = parse(contractSdl).definitions as readonly DefinitionNode[];
  const contractArgs = new Map<string, Set<string>>();
  const contractInputFields = new Map<string, Set<string>>();

  for (const def of defs) {
    switch (def.kind) {
      case Kind.SCALAR_TYPE_DEFINITION: {
        if (!isScalarType(live.getType(def.name.value))) problems.push(`scalar ${def.name.value} is missing`);
        break;
      }
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION: {
        const t = live.getType(def.name.value);
        if (!isEnumType(t)) {
          problems.push(`enum ${def.name.value} is missing`);
          break;
        }
        for (const v of def.values ?? []) if (!t.getValue(v.name.value)) problems.push(`enum ${def.name.value} lacks ${v.name.value}`);
        break;
      }
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION: {
        const t = live.getType(def.name.value);
        if (!isInputObjectType(t)) {
          problems.push(`input ${def.name.value} is missing`);
          break;
        }
        const names = contractInputFields.get(def.name.value) ?? new Set<string>();
        contractInputFields.set(def.name.value, names);
        for (const f of def.fields ?? []) {
          names.add(f.name.value);
          const lf = t.getFields()[f.name.value];
          if (!lf) problems.push(`input ${def.name.value}.${f.name.value} is missing`);
          else if (String(lf.type) !== print(f.type)) problems.push(`input ${def.name.value}.${f.name.value} is ${String(lf.type)}, contract says ${print(f.type)}`);
        }
        break;
      }
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION: {
        const name = def.name.value;
        const t = live.getType(name);
        const wantInterface = def.kind === Kind.INTERFACE_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_EXTENSION;
        if (!t || (wantInterface ? !isInterfaceType(t) : !isObjectType(t))) {
          problems.push(`${wantInterface ? 'interface' : 'type'} ${name} is missing`);
          break;
        }
        const obj = t as import('graphql').GraphQLObjectType;
        for (const i of def.interfaces ?? []) {
          if (!obj.getInterfaces().some((li) => li.name === i.name.value)) problems.push(`type ${name} does not implement ${i.name.value}`);
        }
        for (const f of def.fields ?? []) {
          const lf = obj.getFields()[f.name.value];
          const where = `${name}.${f.name.value}`;
          if (!lf) {
            problems.push(`field ${where} is missing`);
            continue;
          }
          if (String(lf.type) !== print(f.type)) problems.push(`field ${where} is ${String(lf.type)}, contract says ${print(f.type)}`);
          const argNames = new Set<string>();
          contractArgs.set(where, argNames);
          for (const a of f.arguments ?? []) {
            argNames.add(a.name.value);
            const la = lf.args.find((x) => x.name === a.name.value);
            if (!la) problems.push(`argument ${where}(${a.name.value}) is missing`);
            else if (String(la.type) !== print(a.type)) problems.push(`argument ${where}(${a.name.value}) is ${String(la.type)}, contract says ${print(a.type)}`);
          }
          for (const la of lf.args) {
            if (!argNames.has(la.name) && isNonNullType(la.type) && la.defaultValue === undefined) problems.push(`argument ${where}(${la.name}) is required but not in the contract`);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  for (const [name, fields] of contractInputFields) {
    const t = live.getType(name);
    if (!isInputObjectType(t)) continue;
    for (const lf of Object.values(t.getFields())) {
      if (!fields.has(lf.name) && isNonNullType(lf.type) && lf.defaultValue === undefined) problems.push(`input ${name}.${lf.name} is required but not in the contract`);
    }
  }
  return problems;
}
