using FakeEntra.Sample.Api;

await ChannelsApi.Build(args).RunAsync();
