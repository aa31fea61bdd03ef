// The enumerations are defined once, in models/enums.ts; seed modules import them from here.
export * from '../../models/enums.ts';
