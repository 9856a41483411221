import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll } from "vitest";
import { startI18n } from "../i18n";

beforeAll(async () => {
  await startI18n("en-US");
});
afterEach(() => cleanup());
