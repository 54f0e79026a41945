// discord-api-spec points its ./zod types at the generated .js file, which
// TypeScript does not read without allowJs: declare the schemas the stand-in uses.
declare module 'discord-api-spec/zod' {
  interface SpecSchema {
    safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  }
  export const ApplicationCommandAutocompleteCallbackRequestSchema: SpecSchema;
  export const ApplicationCommandUpdateRequestSchema: SpecSchema;
  export const CreateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const IncomingWebhookRequestPartialSchema: SpecSchema;
  export const IncomingWebhookUpdateRequestPartialSchema: SpecSchema;
  export const UpdateMessageInteractionCallbackRequestSchema: SpecSchema;
}
