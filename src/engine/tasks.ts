/**
 * Swarm tasks: the API shape tsw reads (api/types/swarm/task.go, docker 28) and GET /tasks
 * (client/task_list.go).
 */
import { filtersQuery } from './client.ts';
import type { Engine, Filters } from './types.ts';

export interface PortConfig {
  readonly Name?: string;
  readonly Protocol?: string;
  readonly TargetPort?: number;
  readonly PublishedPort?: number;
  readonly PublishMode?: string;
}

export interface TaskStatus {
  readonly Timestamp?: string;
  readonly State?: string;
  readonly Message?: string;
  readonly Err?: string;
  readonly ContainerStatus?: { readonly ContainerID?: string; readonly PID?: number; readonly ExitCode?: number } | null;
  readonly PortStatus?: { readonly Ports?: readonly PortConfig[] | null } | null;
}

export interface Task {
  readonly ID: string;
  readonly Version?: { readonly Index?: number };
  readonly CreatedAt?: string;
  readonly UpdatedAt?: string;
  readonly Name?: string;
  readonly Labels?: Record<string, string> | null;
  readonly Spec?: {
    readonly ContainerSpec?: { readonly Image?: string } | null;
    readonly [key: string]: unknown;
  };
  readonly ServiceID?: string;
  readonly Slot?: number;
  readonly NodeID?: string;
  readonly Status?: TaskStatus;
  readonly DesiredState?: string;
  readonly [key: string]: unknown;
}

/** GET /tasks?filters=… (no filters parameter when there are none). */
export async function listTasks(engine: Engine, filters?: Filters): Promise<Task[]> {
  const query = filters ? filtersQuery(filters) : {};
  return (await engine.request<Task[] | null>({ method: 'GET', path: '/tasks', query })).value ?? [];
}
