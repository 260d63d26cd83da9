/** Settings forms for analysis and input cells: pure YAML-body ⇄ field logic and the form component. */
export { readBody, writeKey, type BodyRead } from './yaml-edit.ts';
export type { FieldEdit } from './field.ts';
export {
  analysisForm,
  boundInputs,
  controlFor,
  optionText,
  parseOptionText,
  setOption,
  type AnalysisField,
  type AnalysisForm,
  type OptionControl,
  type OptionState,
} from './analysis-fields.ts';
export {
  inputControl,
  inputForm,
  inputKeys,
  inputText,
  keysFor,
  parseInputText,
  setInputKey,
  type InputControl,
  type InputField,
  type InputForm,
  type InputKey,
} from './input-fields.ts';
export { default as SettingsForm } from './SettingsForm.svelte';
export { loadOptionSpecs } from './option-specs.ts';
