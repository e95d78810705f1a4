import type { ReactNode } from 'react';
import { Tabs as RadixTabs } from 'radix-ui';
import './tabs.css';

export interface Tab {
  id: string;
  label: string;
  /** Mounted only while its tab is selected, so a panel's data and code wait until it is opened. */
  content: ReactNode;
}

interface TabsProps {
  tabs: Tab[];
  /** Names the tab list for assistive technology. */
  label: string;
  defaultTab?: string;
  className?: string;
}

/**
 * Views of one thing inside a page or dialog (Radix: arrow keys move between tabs, each panel is
 * labelled by its tab). A page's sections, which are addresses, are SectionTabs.
 */
export function Tabs({ tabs, label, defaultTab, className }: TabsProps) {
  return (
    <RadixTabs.Root defaultValue={defaultTab ?? tabs[0]?.id} className={`tabs${className ? ` ${className}` : ''}`}>
      <RadixTabs.List className="tabs__list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.id} value={tab.id} className="tabs__tab">
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.id} value={tab.id} className="tabs__panel">
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
