import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/**
 * A password input. The show/hide eye is a mouse convenience outside the tab order, so it is hidden
 * from assistive technology too; the field's only accessible name is its label.
 */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-hidden': true, ...props.visibilityToggleButtonProps }} />;
}
