/** A small stroke icon set drawn on a 16px grid; decorative unless given a label. */
const paths = {
  check: 'M3.5 8.5l3 3 6-7',
  x: 'M4 4l8 8M12 4l-8 8',
  alert: 'M8 5v3.5M8 11h.01M8 1.8l6.5 11.4H1.5z',
  info: 'M8 7.5V11M8 5h.01M14.5 8a6.5 6.5 0 1 1-13 0 6.5 6.5 0 0 1 13 0z',
  search: 'M7 12.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM14.5 14.5l-3.6-3.6',
  chevronDown: 'M4 6l4 4 4-4',
  chevronUp: 'M4 10l4-4 4 4',
  chevronsUpDown: 'M5 6l3-3 3 3M5 10l3 3 3-3',
  arrowUp: 'M8 13V3M4 7l4-4 4 4',
  arrowDown: 'M8 3v10M4 9l4 4 4-4',
  more: 'M3 8h.01M8 8h.01M13 8h.01',
  userMinus:
    'M10.5 14v-1.2a2.8 2.8 0 0 0-2.8-2.8H4.3a2.8 2.8 0 0 0-2.8 2.8V14M6 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM11 7h4',
  lock: 'M4 7V5a4 4 0 0 1 8 0v2M3 7h10v7H3z',
  logOut: 'M6 14H3.5a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1H6M10.5 11.5 14 8l-3.5-3.5M14 8H6',
  refresh: 'M13.5 3v3.5H10M2.5 13V9.5H6M3.2 6a5 5 0 0 1 8.9-1.2L13.5 6.5M12.8 10a5 5 0 0 1-8.9 1.2L2.5 9.5',
  users:
    'M11 14v-1.3A2.7 2.7 0 0 0 8.3 10H4.7A2.7 2.7 0 0 0 2 12.7V14M6.5 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM14 14v-1.3a2.7 2.7 0 0 0-2-2.6M10.5 2.6a2.5 2.5 0 0 1 0 4.8',
  inbox:
    'M14.5 8.5h-4l-1 2h-3l-1-2h-4M3.7 3.3 1.5 8.5V13a1 1 0 0 0 1 1h11a1 1 0 0 0 1-1V8.5l-2.2-5.2a1 1 0 0 0-.9-.6H4.6a1 1 0 0 0-.9.6z',
  plus: 'M8 3v10M3 8h10',
  chevronRight: 'M6 4l4 4-4 4',
  mail: 'M2 4h12v8.5a.5.5 0 0 1-.5.5h-11a.5.5 0 0 1-.5-.5zM2 4.5l6 4.5 6-4.5',
  link: 'M6.8 9.2a2.8 2.8 0 0 0 4 0l2-2a2.8 2.8 0 0 0-4-4l-.6.6M9.2 6.8a2.8 2.8 0 0 0-4 0l-2 2a2.8 2.8 0 0 0 4 4l.6-.6',
  upload: 'M8 10.5V2.5M4.8 5.5 8 2.3l3.2 3.2M2.5 10.5v2a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1v-2',
  pencil: 'M10.5 2.8l2.7 2.7L5.5 13.2H2.8v-2.7zM9 4.3l2.7 2.7',
  clock: 'M8 4.5V8l2.3 1.5M14.5 8a6.5 6.5 0 1 1-13 0 6.5 6.5 0 0 1 13 0z',
  send: 'M14.5 1.5 7 9M14.5 1.5 10 14.5 7 9 1.5 6z',
  userPlus:
    'M10.5 14v-1.2a2.8 2.8 0 0 0-2.8-2.8H4.3a2.8 2.8 0 0 0-2.8 2.8V14M6 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM13 5v4M11 7h4',
  layers: 'M8 1.8 1.5 5 8 8.2 14.5 5zM1.5 8 8 11.2 14.5 8M1.5 11 8 14.2 14.5 11',
  settings:
    'M8 10.2a2.2 2.2 0 1 0 0-4.4 2.2 2.2 0 0 0 0 4.4zM13 9.6l1.2.9-1.3 2.3-1.4-.6a5 5 0 0 1-1.4.8L9.9 14.5H7.3L7 13a5 5 0 0 1-1.4-.8l-1.4.6-1.3-2.3L4.1 9.6a5 5 0 0 1 0-1.6L2.9 7 4.2 4.7l1.4.6A5 5 0 0 1 7 4.5l.3-1.5h2.6L10.1 4.5a5 5 0 0 1 1.4.8l1.4-.6L14.2 7 13 7.9a5 5 0 0 1 0 1.7z',
  eye: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  arrowLeft: 'M13 8H3M7 4 3 8l4 4',
  trash: 'M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v4.5M9.2 6.5v4.5',
  sun: 'M8 10.8a2.8 2.8 0 1 0 0-5.6 2.8 2.8 0 0 0 0 5.6zM8 1.5v1.3M8 13.2v1.3M1.5 8h1.3M13.2 8h1.3M3.4 3.4l.9.9M11.7 11.7l.9.9M3.4 12.6l.9-.9M11.7 4.3l.9-.9',
  moon: 'M13.5 9.6A5.8 5.8 0 0 1 6.4 2.5a5.8 5.8 0 1 0 7.1 7.1z',
  monitor: 'M2 3h12v8H2zM6 14h4M8 11v3',
  menu: 'M2.5 4h11M2.5 8h11M2.5 12h11',
} as const;

export type IconName = keyof typeof paths;

interface IconProps {
  name: IconName;
  size?: number;
  className?: string;
  label?: string;
}

export function Icon({ name, size = 16, className, label }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
