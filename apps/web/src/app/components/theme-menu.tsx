import { Icon, type IconName } from '../../components/ui/icon.tsx';
import { Menu, MenuLabel, MenuRadioGroup, MenuRadioItem } from '../../components/ui/dropdown-menu.tsx';
import { setThemeChoice, THEME_CHOICES, useThemeChoice, type ThemeChoice } from '../../lib/theme.ts';

const copy: Record<ThemeChoice, { label: string; icon: IconName }> = {
  light: { label: 'Light', icon: 'sun' },
  dark: { label: 'Dark', icon: 'moon' },
  system: { label: 'System', icon: 'monitor' },
};

/** Light / Dark / System as radio items; used in the theme menu and in the compact header's menu. */
export function ThemeChoiceItems() {
  const choice = useThemeChoice();
  return (
    <>
      <MenuLabel>Theme</MenuLabel>
      <MenuRadioGroup label="Theme" value={choice} onValueChange={setThemeChoice}>
        {THEME_CHOICES.map((value) => (
          <MenuRadioItem key={value} value={value} icon={<Icon name={copy[value].icon} />}>
            {copy[value].label}
          </MenuRadioItem>
        ))}
      </MenuRadioGroup>
    </>
  );
}

/** The header's theme button: its icon shows the current choice. */
export function ThemeMenu() {
  const choice = useThemeChoice();
  return (
    <Menu
      trigger={
        <button type="button" className="icon-button" aria-label={`Theme: ${copy[choice].label}`}>
          <Icon name={copy[choice].icon} />
        </button>
      }
    >
      <ThemeChoiceItems />
    </Menu>
  );
}
