import { stringify } from "yaml";

/** The launchpad's fields as typed: run config YAML, mode, solid selection and tags (key=value lines). */
export interface LaunchFields {
  yaml: string;
  mode: string;
  selection: string;
  tags: string;
}

/** A pipeline preset as the Pipeline query returns it. */
export interface PresetData {
  name: string;
  runConfig: unknown;
  mode: string;
  solidSelection?: string[] | null;
  tags: { key: string; value: string }[];
}

/** The launchpad's fields as choosing `preset` fills them. */
export function presetFields(preset: PresetData): LaunchFields {
  return {
    yaml: stringify(preset.runConfig ?? {}),
    mode: preset.mode,
    selection: (preset.solidSelection ?? []).join(", "),
    tags: preset.tags.map((t) => `${t.key}=${t.value}`).join("\n"),
  };
}

/** Whether `current` still holds exactly what the preset filled in: then a launch names the preset. */
export function sameFields(current: LaunchFields, filled: LaunchFields): boolean {
  return (Object.keys(filled) as (keyof LaunchFields)[]).every((k) => current[k] === filled[k]);
}
